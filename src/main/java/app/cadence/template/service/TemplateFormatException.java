package app.cadence.template.service;

/** Content that does not follow the template format; the message names the problem and where. */
public class TemplateFormatException extends RuntimeException {

    public TemplateFormatException(String message) {
        super(message);
    }
}
