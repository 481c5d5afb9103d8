/**
 * A pipeline's money and results, read from the engine's own record: the values people submitted in
 * the provincial pipeline and the stages it called (history variable updates that carry a task id),
 * as the caller and with the caller's authorizations. There is no table of its own and no second
 * bookkeeping: if a figure is in the ledger, a completed task in history recorded it, and the entry
 * names that task and the person who completed it.
 */
package th.or.codi.programme.ledger;
