/**
 * Reading the engine's history the way both the audit trail and the dashboard need it: the process
 * tree of a pipeline (the instance and every process it called), the process keys of the programme,
 * a process's own variables, and a historic variable value as plain data. It uses no other feature
 * package except the pipeline's time zone, so {@code audit} and {@code dashboard} can both use it
 * without reaching into each other.
 */
package th.or.codi.programme.history;
