/*
 * The evidence tab of Tasklist (issue 17). Placeholder so that Tasklist loads the plugin whose API
 * (EvidenceInTasklist) is registered; the tab itself is the UI part of the issue and replaces this
 * file.
 */
export default [];
