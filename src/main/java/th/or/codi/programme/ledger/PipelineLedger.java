package th.or.codi.programme.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A pipeline's money and results. The totals are sums of {@link #entries()}, so every total can be
 * traced back to the tasks behind it. The maps are keyed by stage ({@code forum}, {@code
 * study-visit}, {@code joint-plan}) and then by source ({@code codi}, {@code thaihealth}, {@code
 * other}); every key is present, with zero where nothing was recorded, so readers never need a null
 * check.
 *
 * @param pipelineId the provincial pipeline's process instance id
 * @param businessKey its business key
 * @param provinceCode the province ({@code provinceCode} variable)
 * @param wave the wave ({@code wave} variable), {@code null} if not set
 * @param entries every figure, in the order it was recorded
 * @param requested stage → source → amount requested
 * @param approved stage → source → amount approved
 * @param spent stage → source → amount spent
 * @param indicators the registered plan's indicators with their latest reported values (empty
 *     before the plan is registered)
 * @param reportedTotalSpent the completion report's {@code totalSpent}; {@code null} if none
 * @param spendingDifferenceReason the completion report's explanation of a difference between
 *     {@code totalSpent} and the months' spending; {@code null} if none
 */
public record PipelineLedger(
    String pipelineId,
    String businessKey,
    String provinceCode,
    Long wave,
    List<LedgerEntry> entries,
    Map<String, Map<String, BigDecimal>> requested,
    Map<String, Map<String, BigDecimal>> approved,
    Map<String, Map<String, BigDecimal>> spent,
    List<IndicatorResult> indicators,
    BigDecimal reportedTotalSpent,
    String spendingDifferenceReason) {}
