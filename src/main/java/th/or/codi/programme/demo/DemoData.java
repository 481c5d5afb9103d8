package th.or.codi.programme.demo;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.identity.DemoProperties;
import th.or.codi.programme.processes.BusinessKey;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * Demo mode on an empty database: managers start the programme of fiscal year 2562, the working
 * group chooses the seed's three pilots, and each pilot is advanced, by the demo users of its
 * parties, to a different stage:
 *
 * <ul>
 *   <li>Chai Nat: understanding forum, its movement is to plan the forum;
 *   <li>Saraburi: study visit, ThaiHealth is to approve the visit budget;
 *   <li>Nakhon Sawan: implementation, a monthly progress report is due.
 * </ul>
 *
 * A newcomer who logs in as {@code nakhonsawan}, {@code codi} or {@code manager} finds work waiting
 * and a programme in Cockpit. Nothing happens when any programme already exists.
 */
@Component
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  static final int FISCAL_YEAR = 2562;
  static final String PROGRAMME_KEY = BusinessKey.programme(FISCAL_YEAR);
  static final String NAKHON_SAWAN = BusinessKey.format("TH-60", FISCAL_YEAR, 1);
  static final String SARABURI = BusinessKey.format("TH-19", FISCAL_YEAR, 1);
  static final String CHAI_NAT = BusinessKey.format("TH-18", FISCAL_YEAR, 1);

  private static final Map<String, String> PILOT_USERS =
      Map.of("TH-60", "nakhonsawan", "TH-19", "saraburi", "TH-18", "chainat");

  private final ProcessEngine engine;
  private final PersonActions act;
  private final DemoProperties demo;

  DemoData(ProcessEngine engine, PersonActions act, DemoProperties demo) {
    this.engine = engine;
    this.act = act;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  void createOnEmptyDatabase() {
    if (!demo.enabled() || !demo.data()) {
      return;
    }
    long programmes =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProgrammeProcesses.PROGRAMME)
            .count();
    if (programmes > 0) {
      return;
    }
    LOG.info(
        "Demo data: starting the programme of fiscal year {} with its three pilots", FISCAL_YEAR);
    // CODI's officer, a member of each pilot's tri-party team, writes up the joint work
    Walkthrough walk = new Walkthrough(act, PILOT_USERS::get, code -> "codi", task -> {});

    act.start(
        "manager",
        ProgrammeProcesses.PROGRAMME,
        PROGRAMME_KEY,
        Walkthrough.values(
            "programmeName",
            "โครงการความร่วมมือ พอช.–สสส. ภาคกลางและตะวันตก ปี " + FISCAL_YEAR,
            "fiscalYear",
            (long) FISCAL_YEAR,
            "region",
            "central-west"));
    walk.complete(
        "codi",
        PROGRAMME_KEY,
        "Activity_ChooseWaveProvinces",
        Walkthrough.values(
            "waveProvinces",
            Walkthrough.json(List.of("TH-60", "TH-19", "TH-18")),
            "selectionNote",
            "พื้นที่นำร่องตามมติที่ประชุม 9 เม.ย. 2562"));

    walk.planForum(CHAI_NAT, "TH-18");

    walk.forumStage(SARABURI, "TH-19");
    walk.planVisit(SARABURI);

    walk.forumStage(NAKHON_SAWAN, "TH-60");
    walk.visitStage(NAKHON_SAWAN, "TH-60");
    walk.designStage(NAKHON_SAWAN, "TH-60");
    nakhonSawansFirstMonths(walk);
    act.fireTimer(NAKHON_SAWAN, "Event_MonthlyReportDue");
    LOG.info(
        "Demo data ready: {} at the understanding forum (plan under review), {} at the study visit, {} in implementation",
        CHAI_NAT,
        SARABURI,
        NAKHON_SAWAN);
  }

  /**
   * Nakhon Sawan's first two months, reported and reviewed, so a newcomer sees real figures: the
   * spending per budget line of the plan (line 1, the community councils' forums, 50,000 baht from
   * ThaiHealth; line 2, training the core leaders, 30,000 baht from CODI) and the indicators moving
   * from their baselines. The third month's report is left open.
   */
  private void nakhonSawansFirstMonths(Walkthrough walk) {
    java.time.YearMonth now = java.time.YearMonth.now(ThaiCalendar.ZONE);
    act.fireTimer(NAKHON_SAWAN, "Event_MonthlyReportDue");
    walk.submitMonth(
        NAKHON_SAWAN,
        "TH-60",
        now.minusMonths(2).toString(),
        "on-track",
        "เวทีสภาองค์กรชุมชนตำบล 4 ตำบล (บรรพตพิสัย ท่าตะโก ลาดยาว พยุหะคีรี) ผู้เข้าร่วม 212 คน",
        "",
        Walkthrough.spending(
            Walkthrough.line(1, "thaihealth", 18500), Walkthrough.line(2, "codi", 0)),
        Walkthrough.progress(146, 4, 872),
        "");
    walk.reviewMonth(NAKHON_SAWAN, "on-track");
    act.fireTimer(NAKHON_SAWAN, "Event_MonthlyReportDue");
    walk.submitMonth(
        NAKHON_SAWAN,
        "TH-60",
        now.minusMonths(1).toString(),
        "at-risk",
        "อบรมแกนนำรุ่นที่ 1 จำนวน 35 คน และเวทีสภาองค์กรชุมชนตำบลอีก 2 ตำบล",
        "แกนนำบางตำบลติดฤดูเก็บเกี่ยว เลื่อนการอบรมรุ่นที่ 2",
        Walkthrough.spending(
            Walkthrough.line(1, "thaihealth", 9250), Walkthrough.line(2, "codi", 14600)),
        Walkthrough.progress(171, 5, 903),
        "");
    walk.reviewMonth(NAKHON_SAWAN, "at-risk");
  }
}
