package th.or.codi.programme.processes;

/**
 * The process keys of the models in {@code bpmn/}: the ids of their {@code <process>} elements, as
 * the call activities, the engine's queries and the authorizations name them.
 */
public final class ProgrammeProcesses {

  /** The regional programme, which calls the provinces' pipelines wave by wave. */
  public static final String PROGRAMME = "regionalProgramme";

  /** A province's pipeline: its stages are the processes it calls. */
  public static final String PIPELINE = "provincialPipeline";

  /** Stage 1, called by the pipeline. */
  public static final String UNDERSTANDING_FORUM = "understandingForum";

  /** Stage 2, called by the pipeline. */
  public static final String STUDY_VISIT = "studyVisit";

  /** Stage 3, called by the pipeline. */
  public static final String JOINT_DESIGN = "jointDesign";

  /** Stage 4, called by the pipeline. */
  public static final String IMPLEMENTATION = "implementation";

  private ProgrammeProcesses() {}
}
