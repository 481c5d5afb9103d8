/**
 * Reading the engine's history the way both the audit trail and the dashboard need it: the process
 * tree of a pipeline (the instance and every process it called), a process's own variables, and a
 * historic variable value as plain data. It uses no other feature package except the programme's
 * time zone and messages, so {@code audit} and {@code dashboard} can both use it without reaching
 * into each other. The process keys are in {@code processes}.
 */
package th.or.codi.programme.history;
