package th.or.codi.programme.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One indicator of the joint plan as registered, with the latest value a person reported for it.
 * The evaluation, the dashboard and the programme report all read results through this record, so
 * "on target" means the same thing everywhere.
 *
 * @param number the indicator's 1-based position in {@code planIndicatorList}
 * @param name the indicator's name ({@code indicatorName})
 * @param unit its unit, e.g. ครัวเรือน / households
 * @param party who is responsible: {@code codi}, {@code thaihealth} or {@code community}
 * @param measure how it is measured
 * @param baseline the value before the plan
 * @param target the value the plan aims at (never equal to the baseline)
 * @param reached the latest submitted {@code indicatorProgress} value; {@code null} if none yet
 * @param percent {@code (reached - baseline) / (target - baseline) * 100}, one decimal; {@code
 *     null} when nothing was reached yet
 * @param onTarget whether {@code reached} has got to the target: {@code >=} when the target is
 *     above the baseline, {@code <=} when it is below (an indicator meant to go down)
 * @param taskId the task whose submission reported {@code reached}; {@code null} if none
 * @param userId who completed that task; {@code null} if none
 * @param time when; {@code null} if none
 */
public record IndicatorResult(
    int number,
    String name,
    String unit,
    String party,
    String measure,
    BigDecimal baseline,
    BigDecimal target,
    BigDecimal reached,
    BigDecimal percent,
    boolean onTarget,
    String taskId,
    String userId,
    Instant time) {}
