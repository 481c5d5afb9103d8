package th.or.codi.programme.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.evidence.EvidenceFiles;
import th.or.codi.programme.history.SubmittedSpending;
import th.or.codi.programme.provinces.ProvinceOptions;

/**
 * Validates every task completion and every process start against the deployed Camunda Form of that
 * task or start event, and the {@link BusinessRules}, whichever way it arrives: REST, Tasklist or
 * the Java API. A listener is added to every user task ({@code complete}) and every process start
 * event ({@code start}) that has a form; it runs inside the engine's command, so a rejection rolls
 * the whole submission back: the task stays open, no variable is written, and history records no
 * completion.
 */
@Component
public class SubmissionValidation extends AbstractProcessEnginePlugin {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SubmissionValidation.class);

  private final DeployedForms forms = DeployedForms.shared();
  private final Validator validator = new Validator();
  private final ProvinceOptions provinceOptions;
  private final ObjectMapper json;

  public SubmissionValidation(ProvinceOptions provinceOptions, ObjectMapper json) {
    this.provinceOptions = provinceOptions;
    this.json = json;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineHooks.addToEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, validator);
    EngineHooks.addParseListener(
        configuration,
        new AbstractBpmnParseListener() {
          @Override
          public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (scope.getProcessDefinition()
                == scope) { // the process's own start, not a subprocess's
              activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, validator);
            }
          }
        });
  }

  /** Today in Bangkok, on the engine's clock (which tests may move). */
  static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ThaiCalendar.ZONE).toLocalDate();
  }

  /** The checks of one submission; also what the tests call to validate a form directly. */
  public static List<FieldError> validate(
      CamundaForm form, Map<String, Object> values, LocalDate today) {
    return validate(form, values, today, null);
  }

  /**
   * The same for a task that has {@code evidenceFiles} evidence files (null: not known, the
   * evidence rule left out); the values are also the variables the rules see.
   */
  public static List<FieldError> validate(
      CamundaForm form, Map<String, Object> values, LocalDate today, Long evidenceFiles) {
    return validate(form, values, new RuleContext(today, evidenceFiles, values));
  }

  /**
   * The checks of one submission: the form's own, then the {@link BusinessRules} with {@code
   * context} (today, the task's evidence files and the variables it sees). What the engine runs on
   * every completion and start, whichever way it arrives.
   */
  public static List<FieldError> validate(
      CamundaForm form, Map<String, Object> values, RuleContext context) {
    List<FieldError> own = SubmissionValidator.validate(form, values, context.today());
    List<FieldError> errors = new ArrayList<>(own);
    // a field the form's own checks refused is not judged again; a field may break several rules
    // (a month above a line's budget and the plan's: both named)
    for (FieldError rule : BusinessRules.check(form, values, context)) {
      if (own.stream().noneMatch(e -> e.field().equals(rule.field()))) {
        errors.add(rule);
      }
    }
    return errors;
  }

  /** Engine variables as plain Java values: JSON as lists and maps. */
  Map<String, Object> plain(Map<String, Object> variables) {
    Map<String, Object> values = new HashMap<>();
    variables.forEach(
        (name, value) -> {
          if (value instanceof SpinJsonNode node) {
            try {
              values.put(name, json.readValue(node.toString(), Object.class));
            } catch (Exception e) {
              values.put(name, value);
            }
          } else {
            values.put(name, value);
          }
        });
    return values;
  }

  /**
   * The values with the province lists the form names as they are now in the reference data,
   * whatever the task or process holds under those names (a copy made when the task was created, or
   * a value someone submitted): a province is accepted if it is offered today.
   */
  Map<String, Object> withProvinceOptions(CamundaForm form, Map<String, Object> values) {
    for (String name : form.valuesKeys()) {
      if (ProvinceOptions.isList(name)) {
        values.put(name, provinceOptions.options(name));
      }
    }
    return values;
  }

  private final class Validator implements TaskListener, ExecutionListener {

    @Override
    public void notify(DelegateTask task) {
      UserTask userTask = task.getBpmnModelElementInstance();
      if (userTask != null && userTask.getCamundaFormRef() != null) {
        ProcessEngineServices services = task.getProcessEngineServices();
        long files =
            EngineHooks.withoutAuthentication(
                services.getIdentityService(),
                () ->
                    services.getTaskService().getTaskAttachments(task.getId()).stream()
                        .filter(EvidenceFiles::isEvidence)
                        .count());
        check(
            services,
            task.getProcessDefinitionId(),
            userTask,
            userTask.getCamundaFormRef(),
            userTask.getCamundaFormRefBinding(),
            task.getVariables(),
            files,
            task);
      }
    }

    /**
     * For a form with the implementation's money rules: what the stage's other months spent, from
     * history (read whoever submits: the person may not read history, the rule must). The month
     * being submitted is left out by its variable: its new value is not history yet.
     */
    private SubmittedSpending spentBefore(
        ProcessEngineServices services, CamundaForm form, DelegateTask task) {
      if (task == null
          || (BusinessRules.field(form, SubmittedSpending.VARIABLE) == null
              && BusinessRules.field(form, "spendingDifferenceReason") == null)) {
        return null;
      }
      String month =
          task instanceof AbstractVariableScope scope
                  && scope.getVariableInstance(SubmittedSpending.VARIABLE)
                      instanceof VariableInstanceEntity variable
              ? variable.getId()
              : null;
      return EngineHooks.withoutAuthentication(
          services.getIdentityService(),
          () ->
              SubmittedSpending.of(
                  services.getHistoryService(), task.getProcessInstanceId(), month));
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (execution.getBpmnModelElementInstance() instanceof StartEvent start
          && start.getCamundaFormRef() != null) {
        check(
            execution.getProcessEngineServices(),
            execution.getProcessDefinitionId(),
            start,
            start.getCamundaFormRef(),
            start.getCamundaFormRefBinding(),
            execution.getVariables(),
            null,
            null);
      }
    }

    private void check(
        ProcessEngineServices services,
        String definitionId,
        FlowElement element,
        String formRef,
        String binding,
        Map<String, Object> variables,
        Long evidenceFiles,
        DelegateTask task) {
      if (binding != null && !"deployment".equals(binding)) {
        throw new IllegalStateException(
            element.getId() + ": only formRefBinding=\"deployment\" is supported, not " + binding);
      }
      // read whoever submits: the form is what they were given to fill in
      CamundaForm form =
          EngineHooks.withoutAuthentication(
              services.getIdentityService(),
              () -> forms.ofDefinition(services.getRepositoryService(), definitionId, formRef));
      Map<String, Object> seen = plain(variables);
      List<FieldError> errors =
          validate(
              form,
              withProvinceOptions(form, new HashMap<>(seen)),
              new RuleContext(
                  today(),
                  evidenceFiles,
                  Collections.unmodifiableMap(seen),
                  spentBefore(services, form, task)));
      if (!errors.isEmpty()) {
        SubmissionRejectedException rejected = new SubmissionRejectedException(form.id(), errors);
        LOG.info(
            "Submission of form {} at {} rejected, nothing kept: {}",
            form.id(),
            element.getId(),
            errors.stream().map(e -> e.field() + ": " + e.en()).toList());
        throw rejected;
      }
    }
  }
}
