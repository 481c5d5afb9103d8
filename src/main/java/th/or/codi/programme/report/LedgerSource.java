package th.or.codi.programme.report;

import java.util.Collection;
import java.util.List;
import th.or.codi.programme.ledger.PipelineLedger;

/**
 * Where the programme report gets the pipelines' ledgers: {@code ledger/Ledgers#ofPipelines}, the
 * same reader the dashboard's money comes from, read as the caller. An interface of its own so the
 * report's wiring names one method and not the whole ledger.
 */
@FunctionalInterface
public interface LedgerSource {

  /** The ledgers of these pipelines that the caller may read. */
  List<PipelineLedger> ofPipelines(Collection<String> pipelineIds);
}
