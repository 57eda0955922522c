package app.cadence.cutover.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StoredVoteRepository extends JpaRepository<StoredVote, Long> {
}
