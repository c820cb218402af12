package news.pipeline.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthTest {

  @ParameterizedTest(name = "{0}: live {1}, ready {2}")
  @CsvSource(textBlock = """
      CREATED,          200, 503
      REBALANCING,      200, 503
      RUNNING,          200, 200
      PENDING_SHUTDOWN, 200, 503
      NOT_RUNNING,      503, 503
      PENDING_ERROR,    503, 503
      ERROR,            503, 503
      """)
  void livenessAndReadinessFollowTheStreamsState(State state, int live, int ready) {
    assertThat(Health.liveness(state).httpStatus()).isEqualTo(live);
    assertThat(Health.readiness(state).httpStatus()).isEqualTo(ready);
    assertThat(Health.liveness(state).state()).isEqualTo(state.name());
  }

  @Test
  void noClientYetIsNeitherLiveNorReady() {
    assertThat(Health.liveness(null).status()).isEqualTo("DOWN");
    assertThat(Health.readiness(null).status()).isEqualTo("NOT_READY");
  }
}
