/**
 * The facts the models and the Java code share about the programme's processes: their keys and the
 * business key of a pipeline. It uses no other package, so every feature package can import it.
 */
package th.or.codi.programme.processes;
