package app.cadence.home.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CalendarFeedRepository extends JpaRepository<CalendarFeed, Long> {

    @Query("select f from CalendarFeed f where f.userId = :userId")
    Optional<CalendarFeed> findOfUser(Long userId);

    @Query("select f from CalendarFeed f where f.secretHash = :secretHash")
    Optional<CalendarFeed> findBySecretHash(String secretHash);

    @Modifying
    @Query("delete from CalendarFeed f where f.userId = :userId")
    int deleteOfUser(Long userId);
}
