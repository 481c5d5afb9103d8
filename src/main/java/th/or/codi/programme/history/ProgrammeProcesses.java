package th.or.codi.programme.history;

/** The process keys whose history the programme reads. */
public final class ProgrammeProcesses {

  /** A province's pipeline: its stages are the processes it calls. */
  public static final String PIPELINE = "provincialPipeline";

  /** The regional programme, which calls the provinces' pipelines. */
  public static final String PROGRAMME = "regionalProgramme";

  private ProgrammeProcesses() {}
}
