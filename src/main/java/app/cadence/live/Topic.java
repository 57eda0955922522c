package app.cadence.live;

/**
 * What a channel is about, inside one tenant: an instance, a cutover run, a project, the
 * portfolio, a template, the template library, one person's My work or one person's
 * notifications. The tenant is not part of the topic: {@link LiveScreens} adds the
 * session's tenant, so a screen can never name another tenant's channel.
 */
public final class Topic {

    /** The tenant's portfolio: every project change concerns it. */
    public static final String PORTFOLIO = "portfolio";

    /** The signed-in person's My work: resolved to {@link #myWork(Long)} of the session's user when a screen follows it. */
    public static final String MY_WORK = "my-work";

    /** The signed-in person's notifications: resolved to {@link #notifications(Long)} of the session's user when a screen follows it. */
    public static final String MY_NOTIFICATIONS = "my-notifications";

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

    /** A retrospective session's board. */
    public static String retro(Long sessionId) {
        return "retro:" + sessionId;
    }

    /** A project's retrospective actions and ratings, as its page shows them: kept apart from the project's topic, whose followers re-read its health. */
    public static String retrosOf(Long projectId) {
        return "retros:" + projectId;
    }

    /** A project's communications: its agenda, log and plan. */
    public static String commsOf(Long projectId) {
        return "comms:" + projectId;
    }

    /** The organisation's agenda of communications ("This week"). */
    public static final String COMMS_AGENDA = "comms-agenda";

    public static String template(Long templateId) {
        return "template:" + templateId;
    }

    public static String myWork(Long userId) {
        return MY_WORK + ":" + userId;
    }

    public static String notifications(Long userId) {
        return "notifications:" + userId;
    }

    /**
     * The channel topic a screen follows: a personal topic ({@link #MY_WORK}, {@link #MY_NOTIFICATIONS})
     * becomes the session user's own, or none without a user; any other topic stays as it is.
     */
    static @org.jspecify.annotations.Nullable String resolve(String topic, java.util.Optional<Long> userId) {
        return switch (topic) {
            case MY_WORK -> userId.map(Topic::myWork).orElse(null);
            case MY_NOTIFICATIONS -> userId.map(Topic::notifications).orElse(null);
            default -> topic;
        };
    }
}
