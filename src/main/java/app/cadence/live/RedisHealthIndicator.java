package app.cadence.live;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Redis as seen by live updates: UP while this node publishes to and listens on Redis, DOWN while
 * it cannot (screens then learn of other nodes' changes on their next navigation). Only in the
 * overall health, never in the readiness group: a node without Redis still serves.
 */
class RedisHealthIndicator implements HealthIndicator {

    private final RedisLiveUpdates redis;

    RedisHealthIndicator(RedisLiveUpdates redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        return (redis.isConnected() ? Health.up() : Health.down()).withDetail("carries", "live updates between nodes").build();
    }
}
