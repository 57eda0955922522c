package app.cadence.template.domain;

/** A published version of an active template: what can be applied to a project. */
public record PublishedVersionRow(Long templateId, String templateName, TemplateKind kind, Long versionId, int number) {
}
