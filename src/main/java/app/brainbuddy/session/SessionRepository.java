package app.brainbuddy.session;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SessionRepository extends MongoRepository<TrainingSession, String> {}
