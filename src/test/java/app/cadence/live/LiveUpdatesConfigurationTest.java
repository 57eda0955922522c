package app.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.cadence.support.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The broadcaster is chosen by the Redis URL alone: unset or blank, in process and no Redis at all. */
class LiveUpdatesConfigurationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(LiveUpdatesConfiguration.class);

    @Test
    void withoutARedisUrlTheBroadcasterIsInProcessAndNothingKnowsOfRedis() {
        context.run(ctx -> {
            assertThat(ctx.getBean(LiveUpdates.class)).isInstanceOf(InProcessLiveUpdates.class);
            assertThat(ctx.getBeansOfType(RedisLiveUpdates.class)).isEmpty();
            assertThat(ctx.getBeansOfType(HealthIndicator.class)).isEmpty();
        });
        context.withPropertyValues(LiveUpdatesConfiguration.REDIS_URL + "=").run(ctx ->
                assertThat(ctx.getBean(LiveUpdates.class)).isInstanceOf(InProcessLiveUpdates.class));
    }

    @Test
    void withARedisUrlTheBroadcasterGoesThroughRedisAndHealthShowsIt() {
        assumeTrue(RedisLiveUpdatesTest.answers(6379), "no Redis server answers at 127.0.0.1:6379 (start one: redis-server --daemonize yes)");
        context.withPropertyValues(LiveUpdatesConfiguration.REDIS_URL + "=redis://127.0.0.1:6379").run(ctx -> {
            assertThat(ctx.getBean(LiveUpdates.class)).isInstanceOf(RedisLiveUpdates.class);
            HealthIndicator health = ctx.getBean("redisHealthIndicator", HealthIndicator.class);
            Eventually.until("the redis component is UP", () -> health.health().getStatus().getCode(), "UP"::equals);
        });
    }

    @Test
    void aRedisThatDoesNotAnswerDelaysNothingAtStartUp() throws Exception {
        int closed = RedisLiveUpdatesTest.freePort();
        context.withPropertyValues(LiveUpdatesConfiguration.REDIS_URL + "=redis://127.0.0.1:" + closed).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            HealthIndicator health = ctx.getBean("redisHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
        });
    }
}
