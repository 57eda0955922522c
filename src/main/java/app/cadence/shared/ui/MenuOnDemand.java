package app.cadence.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A menu that opens on a click on its target and whose items exist only while it is open: they
 * are built on the server when the browser asks to open it (the context menu's before-open round
 * trip) and dropped when it closes. For menus that every page has but few people open, such as
 * the header's: a menu bar keeps a component per item in every session whether or not anyone
 * looks at it (docs/performance.md, "What a session costs").
 */
public class MenuOnDemand extends ContextMenu {

    private final SerializableConsumer<ContextMenu> fill;

    /** {@code fill} adds the items, as they are at the moment the menu opens. */
    public MenuOnDemand(Component target, SerializableConsumer<ContextMenu> fill) {
        this.fill = fill;
        ComponentUtil.setData(target, MenuOnDemand.class, this);
        setTarget(target);
        setOpenOnClick(true);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                removeAll();
            }
        });
    }

    /** The menu that opens on this component, if there is one. */
    public static Optional<MenuOnDemand> of(Component target) {
        return Optional.ofNullable(ComponentUtil.getData(target, MenuOnDemand.class));
    }

    @Override
    protected boolean onBeforeOpenMenu(ObjectNode eventDetail) {
        removeAll();
        fill.accept(this);
        return super.onBeforeOpenMenu(eventDetail);
    }
}
