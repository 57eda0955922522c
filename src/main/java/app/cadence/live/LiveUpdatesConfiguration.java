package app.cadence.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Chooses the broadcaster: in process (one node, the default, nothing to configure) unless
 * {@code cadence.live.redis-url} ({@code CADENCE_REDIS_URL}) names a Redis server, which then
 * carries the messages between nodes. Spring Boot's own Redis auto-configuration is excluded
 * (application.properties): without the URL nothing connects to Redis, and no Redis health
 * indicator can fail.
 */
@Configuration(proxyBeanMethods = false)
class LiveUpdatesConfiguration {

    static final String REDIS_URL = "cadence.live.redis-url";

    @Bean
    @Conditional(RedisNotConfigured.class)
    LiveUpdates inProcessLiveUpdates() {
        return new InProcessLiveUpdates();
    }

    @Bean(destroyMethod = "close")
    @Conditional(RedisConfigured.class)
    RedisLiveUpdates redisLiveUpdates(@Value("${" + REDIS_URL + "}") String url,
                                      @Value("${cadence.live.redis-channel:cadence:live}") String channel) {
        return RedisLiveUpdates.start(url, channel);
    }

    /** The {@code redis} component of {@code /actuator/health}; not in the readiness group: Redis down keeps the node serving. */
    @Bean
    @Conditional(RedisConfigured.class)
    RedisHealthIndicator redisHealthIndicator(RedisLiveUpdates redis) {
        return new RedisHealthIndicator(redis);
    }

    static final class RedisConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(REDIS_URL));
        }
    }

    static final class RedisNotConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new RedisConfigured().matches(context, metadata);
        }
    }
}
