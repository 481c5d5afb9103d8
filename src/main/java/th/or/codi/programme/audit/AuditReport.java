package th.or.codi.programme.audit;

import java.util.List;

/**
 * What a search found.
 *
 * @param instances how many pipelines (or programmes) were searched
 * @param truncated true when more matched than the query's limit; narrow the query
 */
public record AuditReport(List<AuditEntry> entries, int instances, boolean truncated) {}
