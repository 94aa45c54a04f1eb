package io.contactcenter.qa.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.pbx.CallRecordings;
import io.contactcenter.qa.QaRules;
import io.contactcenter.qa.internal.domain.ComplaintDetector;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires QA: the transcription queue, rules, scoring and reviews. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QaProperties.class)
class QaConfiguration {

  /** The chat's knowledge-base cold start reads the call transcripts through this (ADR 0048). */
  @Bean
  io.contactcenter.onlinechat.spi.CallTranscripts qaCallTranscripts(
      JdbcClient jdbc, ObjectMapper json) {
    return new QaCallTranscripts(jdbc, json);
  }

  @Bean
  JdbcTranscriptionQueue qaTranscriptionQueue(JdbcClient jdbc, ObjectMapper json) {
    return new JdbcTranscriptionQueue(jdbc, json);
  }

  @Bean
  JdbcQaRules qaRules(JdbcClient jdbc, ObjectMapper json, ObjectProvider<Clock> clock) {
    return new JdbcQaRules(jdbc, json, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  JdbcScores qaScores(JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
    return new JdbcScores(jdbc, json, new TransactionTemplate(transactions));
  }

  @Bean
  JdbcSampling qaSampling(JdbcClient jdbc, QaProperties properties, ObjectProvider<Clock> clock) {
    return new JdbcSampling(jdbc, properties.sampling(), clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  ConversationScoring conversationScoring(
      JdbcTranscriptionQueue queue,
      QaRules rules,
      JdbcScores scores,
      JdbcSampling sampling,
      QaProperties properties,
      ReplyClassifier classifier,
      ObjectProvider<Clock> clock) {
    return new ConversationScoring(
        queue,
        rules,
        scores,
        properties.complaints().classifier()
            ? new ClassifierComplaints(
                classifier,
                properties.complaints().threshold(),
                ComplaintTraining.model(),
                properties.complaints().modelThreshold())
            : ComplaintDetector.NONE,
        sampling,
        new SecureRandom(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  QaReviewService qaReviews(
      JdbcTranscriptionQueue queue,
      JdbcScores scores,
      ConversationScoring scoring,
      ObjectProvider<Clock> clock) {
    return new QaReviewService(queue, scores, scoring, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  JdbcQaReports qaReports(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      QaProperties properties,
      ObjectProvider<Clock> clock) {
    return new JdbcQaReports(
        jdbc,
        new TransactionTemplate(transactions),
        clock.getIfAvailable(Clock::systemUTC),
        properties.appeals().decisionTarget());
  }

  @Bean
  JdbcCalibrations qaCalibrations(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      ObjectMapper json,
      QaReviewService reviews,
      ApplicationEventPublisher events,
      ObjectProvider<Clock> clock) {
    return new JdbcCalibrations(
        jdbc,
        new TransactionTemplate(transactions),
        json,
        reviews,
        events,
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  JdbcAppeals qaAppeals(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      QaProperties properties,
      ObjectProvider<Clock> clock) {
    return new JdbcAppeals(
        jdbc,
        new TransactionTemplate(transactions),
        properties.appeals().window(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  RecordingIntake recordingIntake(
      CallRecordings recordings,
      JdbcTranscriptionQueue queue,
      RobotCalls robot,
      QaProperties properties,
      ObjectProvider<Clock> clock) {
    return new RecordingIntake(
        recordings,
        queue,
        attemptId ->
            attemptId == null || attemptId.isBlank()
                ? java.util.Optional.empty()
                : robot.find(attemptId).map(RobotAttempt::language),
        properties.transcription(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  ChatIntake qaChatIntake(
      JdbcTranscriptionQueue queue, ConversationScoring scoring, ObjectProvider<Clock> clock) {
    return new ChatIntake(queue, scoring, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  CallAgents qaCallAgents(JdbcTranscriptionQueue queue) {
    return new CallAgents(queue);
  }

  @Bean
  JdbcRetention qaRetention(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      QaProperties properties,
      ObjectProvider<Clock> clock) {
    return new JdbcRetention(
        jdbc,
        new TransactionTemplate(transactions),
        events,
        properties.retention(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnProperty(
      name = "cc.qa.retention.enabled",
      havingValue = "true",
      matchIfMissing = true)
  RetentionJob qaRetentionJob(JdbcRetention retention, QaProperties properties) {
    return new RetentionJob(retention, properties.retention().interval());
  }

  @Bean
  RecordingTranscriber recordingTranscriber(SpeechRecognizer recognizer, QaProperties properties) {
    return new RecordingTranscriber(recognizer, properties.transcription().segment());
  }

  @Bean
  @ConditionalOnProperty(
      name = "cc.qa.transcription.enabled",
      havingValue = "true",
      matchIfMissing = true)
  TranscriptionWorker transcriptionWorker(
      JdbcTranscriptionQueue queue,
      RecordingTranscriber transcriber,
      ConversationScoring scoring,
      QaProperties properties,
      ObjectProvider<Clock> clock) {
    return new TranscriptionWorker(
        queue,
        transcriber,
        scoring,
        properties.transcription(),
        clock.getIfAvailable(Clock::systemUTC));
  }
}
