package th.or.codi.programme.audit;

/** One source of a trail's entries (tasks, activities, operators' actions, …) for one instance. */
interface EntrySource {

  void addEntries(InstanceTrail trail);
}
