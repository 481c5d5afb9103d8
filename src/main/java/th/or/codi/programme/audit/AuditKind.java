package th.or.codi.programme.audit;

/** What happened, in the words an auditor reads: Thai first, then English. */
public enum AuditKind {
  PROCESS_STARTED("เริ่มกระบวนการ", "Process started"),
  PROCESS_ENDED("กระบวนการสิ้นสุด", "Process ended"),
  PROCESS_CANCELLED("กระบวนการถูกยกเลิก", "Process cancelled"),
  STAGE_STARTED("เริ่มขั้นตอน", "Stage started"),
  STAGE_ENDED("ขั้นตอนสิ้นสุด", "Stage ended"),
  TASK_CREATED("สร้างงาน", "Task created"),
  TASK_CLAIMED("รับงาน", "Task claimed"),
  TASK_ASSIGNED("มอบหมายงาน", "Task assigned"),
  TASK_DELEGATED("ส่งต่องาน", "Task delegated"),
  TASK_RESOLVED("คืนงานที่ส่งต่อ", "Delegated task resolved"),
  TASK_COMPLETED("ทำงานเสร็จ", "Task completed"),
  LEDGER("รายการงบประมาณ", "Ledger entry"),
  TASK_CANCELLED("งานถูกยกเลิก", "Task cancelled"),
  TASK_CHANGED("แก้ไขงาน", "Task changed"),
  TIMER_FIRED("ตัวจับเวลาทำงาน", "Timer fired"),
  REMINDER("แจ้งเตือนงานเลยกำหนด", "Reminder"),
  ESCALATION("ยกระดับถึงผู้บริหาร", "Escalation"),
  SYSTEM_STEP("ระบบดำเนินการ", "System step"),
  VALUES_RECORDED("ระบบบันทึกค่า", "Values recorded"),
  COMMENT("ความเห็น", "Comment"),
  EVIDENCE("หลักฐาน", "Evidence"),
  EVIDENCE_REMOVED("ลบหลักฐาน", "Evidence removed"),
  INCIDENT_OPENED("เกิดเหตุขัดข้อง", "Incident opened"),
  INCIDENT_RESOLVED("เหตุขัดข้องยุติ", "Incident resolved"),
  OPERATOR_ACTION("ผู้ดูแลระบบดำเนินการ", "Operator action");

  private final String th;
  private final String en;

  AuditKind(String th, String en) {
    this.th = th;
    this.en = en;
  }

  public String th() {
    return th;
  }

  public String en() {
    return en;
  }
}
