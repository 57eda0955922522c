package app.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The embedded default (no CADENCE_REDIS_URL) although the Redis client is on the class path:
 * in-process live updates, no Redis connection factory (Boot's Redis auto-configuration is
 * excluded), and no Redis component in the health endpoint that could report DOWN.
 */
@IntegrationTest
class OneNodeNeedsNoRedisTest {

    @Autowired ApplicationContext context;
    @Autowired LiveUpdates live;
    @Autowired HealthContributorRegistry health;

    @Test
    void theDefaultIsInProcessAndTouchesNoRedis() {
        assertThat(live).isInstanceOf(InProcessLiveUpdates.class);
        assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RedisLiveUpdates.class)).isEmpty();
        assertThat(health.getContributor("redis")).isNull();
    }
}
