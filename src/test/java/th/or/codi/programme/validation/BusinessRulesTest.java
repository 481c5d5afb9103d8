package th.or.codi.programme.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules a form cannot express, on the forms that carry the fields they name. */
class BusinessRulesTest {

  static final java.time.LocalDate TODAY = FormConstraintsTest.TODAY;

  static CamundaForm form(String id) throws IOException {
    return CamundaForm.parse(Files.readString(Path.of("forms", id + ".form")));
  }

  static List<FieldError> check(String formId, Object... changes) throws IOException {
    CamundaForm form = form(formId);
    Map<String, Object> values = FormConstraintsTest.valid(form);
    for (int i = 0; i < changes.length; i += 2) {
      values.put((String) changes[i], changes[i + 1]);
    }
    return SubmissionValidation.validate(form, values, TODAY);
  }

  @Test
  void theVisitCannotEndBeforeItStarts() throws IOException {
    assertThat(
            check("study-visit-plan", "visitStartDate", "2026-12-10", "visitEndDate", "2026-12-09"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("visitEndDate");
              assertThat(e.th()).contains("ต้องไม่ก่อน").contains("2026-12-10");
              assertThat(e.en()).contains("must not be before");
            });
    assertThat(
            check("study-visit-plan", "visitStartDate", "2026-12-10", "visitEndDate", "2026-12-10"))
        .isEmpty();
  }

  @Test
  void aReducedBudgetIsLowerThanTheRequestAndNeedsAReason() throws IOException {
    assertThat(
            check(
                "study-visit-approve-budget",
                "visitBudgetRequested",
                120000L,
                "budgetDecision",
                "approve-reduced",
                "approvedBudget",
                120000L,
                "budgetDecisionReason",
                "ลดจำนวนคน"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("approvedBudget");
              assertThat(e.en()).contains("must be lower than the requested 120000 THB");
            });
    assertThat(
            check(
                "study-visit-approve-budget",
                "visitBudgetRequested",
                120000L,
                "budgetDecision",
                "approve-reduced",
                "approvedBudget",
                90000L,
                "budgetDecisionReason",
                "ลดจำนวนคน"))
        .isEmpty();
    assertThat(
            check(
                "study-visit-approve-budget",
                "visitBudgetRequested",
                120000L,
                "budgetDecision",
                "approve-reduced",
                "approvedBudget",
                null,
                "budgetDecisionReason",
                "ลดจำนวนคน"))
        .extracting(FieldError::field)
        .containsExactly("approvedBudget");
  }

  @Test
  void aBudgetThatIsNotAFiniteNumberIsNamedNotAFailure() throws IOException {
    for (double notFinite :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThat(
              check(
                  "study-visit-approve-budget",
                  "visitBudgetRequested",
                  notFinite,
                  "budgetDecision",
                  "approve-reduced",
                  "approvedBudget",
                  notFinite,
                  "budgetDecisionReason",
                  "ลดจำนวนคน"))
          .extracting(FieldError::field)
          .contains("approvedBudget");
      assertThat(
              check(
                  "study-visit-approve-budget",
                  "visitBudgetRequested",
                  notFinite,
                  "budgetDecision",
                  "approve-reduced",
                  "approvedBudget",
                  90000L,
                  "budgetDecisionReason",
                  "ลดจำนวนคน"))
          .extracting(FieldError::field)
          .doesNotContain("approvedBudget");
    }
  }

  @ParameterizedTest(name = "{0}: {1}={2} needs {3}")
  @CsvSource({
    "understanding-forum-review-plan, reviewDecision, request-changes, reviewComment",
    "joint-design-endorse-plan, endorseDecision, request-revision, endorseComment",
    "study-visit-approve-budget, budgetDecision, reject, budgetDecisionReason",
    "understanding-forum-report, forumDecision, withdraw, forumDecisionReason",
    "understanding-forum-report, forumDecision, another-forum, forumDecisionReason",
    "implementation-review-progress, progressStatusConfirmed, off-track, progressReviewComment",
    "joint-design-decide-stalled-plan, stalledPlanDecision, another-revision, stalledPlanNote"
  })
  void turningDownOrSendingBackNeedsAReason(
      String formId, String decision, String value, String reason) throws IOException {
    assertThat(check(formId, decision, value, reason, " "))
        .as("blank reason")
        .extracting(FieldError::field)
        .containsExactly(reason);
    assertThat(check(formId, decision, value, reason, "\u200B\uFEFF\u00A0\u200D"))
        .as("a reason of invisible characters")
        .extracting(FieldError::field)
        .containsExactly(reason);
    assertThat(check(formId, decision, value, reason, "เหตุผลที่ชัดเจนพอ")).isEmpty();
  }

  @Test
  void approvingNeedsNoReason() throws IOException {
    assertThat(
            check(
                "understanding-forum-review-plan",
                "reviewDecision",
                "approve",
                "reviewComment",
                null))
        .isEmpty();
    assertThat(
            check(
                "joint-design-endorse-plan", "endorseDecision", "endorse", "endorseComment", null))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}.{1} is not in the past")
  @CsvSource({
    "understanding-forum-plan, forumDate",
    "study-visit-plan, visitStartDate",
    "study-visit-plan, visitEndDate"
  })
  void plannedDatesAreNotInThePast(String formId, String field) throws IOException {
    assertThat(check(formId, field, TODAY.minusDays(1).toString()))
        .extracting(FieldError::field)
        .contains(field);
  }

  @Test
  void aJointPlanHasAtLeastOneActivity() throws IOException {
    assertThat(check("joint-design-draft-plan", "planActivities", List.of()))
        .extracting(FieldError::en)
        .containsExactly("the joint plan needs at least one activity");
  }

  @Test
  void theQuarterlyReviewRecordsAMeetingAlreadyHeld() throws IOException {
    assertThat(
            check(
                "regional-programme-quarterly-review", "meetingDate", TODAY.plusDays(1).toString()))
        .extracting(FieldError::field)
        .containsExactly("meetingDate");
  }

  /** Issue 17, item 5: the four reports need at least one evidence file on the task or a link. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "understanding-forum-report, forumEvidenceLink",
    "study-visit-report-lessons, visitEvidenceLink",
    "implementation-carry-out-plan, completionEvidenceLink",
    "regional-programme-quarterly-review, minutesLink"
  })
  void theReportsNeedAFileOrALink(String formId, String link) throws IOException {
    CamundaForm form = form(formId);
    Map<String, Object> withoutLink = FormConstraintsTest.valid(form);
    withoutLink.remove(link);
    assertThat(SubmissionValidation.validate(form, withoutLink, TODAY, 0L))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo(link);
              assertThat(e.th()).contains("หลักฐาน");
              assertThat(e.en()).contains("Evidence");
            });
    assertThat(SubmissionValidation.validate(form, withoutLink, TODAY, 1L)).isEmpty();
    Map<String, Object> withLink = FormConstraintsTest.valid(form);
    withLink.put(link, "https://example.org/evidence");
    assertThat(SubmissionValidation.validate(form, withLink, TODAY, 0L)).isEmpty();
    // a form checked on its own (the task's files unknown) leaves the rule out
    assertThat(SubmissionValidation.validate(form, withoutLink, TODAY)).isEmpty();
    // and the form says so
    assertThat(BusinessRules.field(form, link).description())
        .contains("หลักฐาน")
        .contains("Evidence");
  }
}
