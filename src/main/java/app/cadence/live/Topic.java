package app.cadence.live;

/**
 * What a channel is about, inside one tenant: an instance, a cutover run, a project, the
 * portfolio, a template, the template library or one person's My work. The tenant is not part of the topic: {@link LiveScreens} adds the
 * session's tenant, so a screen can never name another tenant's channel.
 */
public final class Topic {

    /** The tenant's portfolio: every project change concerns it. */
    public static final String PORTFOLIO = "portfolio";

    /** The signed-in person's My work: resolved to {@link #myWork(Long)} of the session's user when a screen follows it. */
    public static final String MY_WORK = "my-work";

    /** The tenant's template library: every template change concerns it. */
    public static final String TEMPLATES = "templates";

    private Topic() {
    }

    public static String instance(Long instanceId) {
        return "instance:" + instanceId;
    }

    public static String project(Long projectId) {
        return "project:" + projectId;
    }

    public static String run(Long runId) {
        return "run:" + runId;
    }

    /** The runs of one cutover instance, as its page lists them: kept apart from the instance's own topic, whose followers re-read items. */
    public static String runsOf(Long instanceId) {
        return "runs:" + instanceId;
    }

    public static String template(Long templateId) {
        return "template:" + templateId;
    }

    public static String myWork(Long userId) {
        return MY_WORK + ":" + userId;
    }
}
