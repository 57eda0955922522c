package app.cadence.comms.service;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Placeholder until the stakeholder register lands: no lists, no stakeholders. */
@Service
public class Audiences {

    @Transactional(readOnly = true)
    public List<Recipient> recipients(Long projectId, Audience audience) {
        return List.of();
    }

    @Transactional(readOnly = true)
    public String describe(Audience audience) {
        return audience.isEmpty() ? "" : "…";
    }

    @Transactional(readOnly = true)
    public List<AudienceOption> options(Long projectId) {
        return List.of();
    }
}
