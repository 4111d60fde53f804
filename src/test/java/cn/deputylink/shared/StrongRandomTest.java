package cn.deputylink.shared;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StrongRandomTest {

	@Test
	void eachThreadHasAGeneratorOfItsOwnSoThatNoneWaitsForAnother() throws Exception {
		Set<SecureRandom> generators = ConcurrentHashMap.newKeySet();
		CompletableFuture<?>[] threads = new CompletableFuture<?>[4];
		for (int i = 0; i < threads.length; i++) {
			threads[i] = CompletableFuture.runAsync(() -> generators.add(StrongRandom.current()),
					r -> new Thread(r).start());
		}
		CompletableFuture.allOf(threads).get();
		assertThat(generators).hasSize(4);
		assertThat(StrongRandom.current()).isSameAs(StrongRandom.current());
	}

	@Test
	void theGeneratorIsTheStandardDrbgNotTheLockedNativeOne() {
		assertThat(StrongRandom.current().getAlgorithm()).isEqualTo("DRBG");
	}

	@Test
	void bytesDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			seen.add(HexFormat.of().formatHex(StrongRandom.fill(new byte[12])));
		}
		assertThat(seen).hasSize(10_000);
	}

}
