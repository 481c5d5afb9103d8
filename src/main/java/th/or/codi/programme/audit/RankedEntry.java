package th.or.codi.programme.audit;

import java.util.Comparator;

/**
 * An entry with what orders it among the entries of the same instant: its rank and its process's
 * depth.
 */
record RankedEntry(AuditEntry entry, SameInstant rank, int depth) {

  /** Oldest first; at the same instant as {@link SameInstant} says. */
  static final Comparator<RankedEntry> CHRONOLOGICAL =
      Comparator.comparing((RankedEntry r) -> r.entry().time())
          .thenComparing(r -> r.rank().opening())
          .thenComparingInt(r -> r.rank().opening() ? r.depth() : 0)
          .thenComparing(RankedEntry::rank);
}
