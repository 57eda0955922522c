package app.cadence.security;

import com.vaadin.flow.component.Component;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.Jsr250AuthorizationManager;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Method security: {@code @PreAuthorize} as Spring Security's {@code @EnableMethodSecurity} checks
 * it, and JSR-250's {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on the
 * services — checked as {@code jsr250Enabled = true} would check them, but not on Vaadin
 * components.
 *
 * <p>Views carry {@code @RolesAllowed} too, for Vaadin's navigation access check. With Spring's
 * JSR-250 advisor, every view Vaadin created through Spring was wrapped in a CGLIB proxy: since a
 * proxied bean is not remembered as "nothing to do", Spring looked for the eligible advisors again
 * on each navigation, walking every method of the view's class hierarchy (13% of the server's CPU
 * under the C11 load), and every call Vaadin made on the view went through a security
 * interceptor. Nothing was protected by it that the router does not already check: a view's own
 * code calls itself, which a proxy never intercepts.
 *
 * <p>Both advisors look only at Cadence's own classes, and {@code @PreAuthorize} is the only
 * pre/post annotation set up ({@code @PostAuthorize}, {@code @PreFilter}, {@code @PostFilter} and
 * {@code @AuthorizeReturnObject} are not used here): at start-up Spring asks every advisor about
 * every method of every bean, framework beans included, and walking the annotations of each
 * method's hierarchy for six annotation advisors was a second of a node's start on two cores
 * (docs/deployment.md, "A faster start").
 */
@Configuration
@EnableMethodSecurity(prePostEnabled = false)
class MethodSecurityConfig {

    /** Cadence's classes, the only ones carrying its security annotations: a test of the name, before any annotation is read. */
    private static final ClassFilter CADENCE = type -> type.getName().startsWith("app.cadence.");

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor jsr250OutsideVaadinComponents() {
        ClassFilter notAComponent = type -> !Component.class.isAssignableFrom(type);
        Pointcut annotated = onClassOrMethod(RolesAllowed.class)
                .union(onClassOrMethod(PermitAll.class))
                .union(onClassOrMethod(DenyAll.class));
        AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
                new ComposablePointcut(CADENCE).intersection(notAComponent).intersection(annotated), new Jsr250AuthorizationManager());
        interceptor.setOrder(AuthorizationInterceptorsOrder.JSR250.getOrder());
        return interceptor;
    }

    /** {@code @PreAuthorize} as {@code @EnableMethodSecurity} checks it, on Cadence's classes. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor preAuthorizeOnCadenceClasses() {
        AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
                new ComposablePointcut(CADENCE).intersection((Pointcut) onClassOrMethod(PreAuthorize.class)), new PreAuthorizeAuthorizationManager());
        interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder());
        return interceptor;
    }

    /** Methods annotated so, or of a class (or superclass) annotated so. */
    private static ComposablePointcut onClassOrMethod(Class<? extends Annotation> annotation) {
        return new ComposablePointcut(new AnnotationMatchingPointcut(annotation, true))
                .union(new AnnotationMatchingPointcut(null, annotation, true));
    }
}
