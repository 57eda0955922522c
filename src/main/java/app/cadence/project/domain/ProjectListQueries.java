package app.cadence.project.domain;

import java.util.List;
import org.springframework.data.domain.Sort;

/** The project list as the screen needs it: one query per page, PM name joined in. */
public interface ProjectListQueries {

    List<ProjectRow> findRows(Long tenantId, String search, Sort sort, long offset, int limit);

    long countRows(Long tenantId, String search);
}
