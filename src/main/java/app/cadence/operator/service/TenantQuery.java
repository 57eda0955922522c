package app.cadence.operator.service;

import app.cadence.tenancy.domain.TenantStatus;
import org.jspecify.annotations.Nullable;

/**
 * Which tenants the console lists and in what order.
 *
 * @param name   part of the name, case-insensitive; empty for all
 * @param status only tenants in this status; null for all
 */
public record TenantQuery(String name, @Nullable TenantStatus status, Order order, boolean descending) {

    public enum Order {
        NAME,
        CREATED
    }

    public TenantQuery {
        name = name == null ? "" : name;
        order = order == null ? Order.NAME : order;
    }

    public static TenantQuery all() {
        return new TenantQuery("", null, Order.NAME, false);
    }
}
