package cn.deputylink.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which forwarded headers are believed, and what the request then says. */
class TrustedProxiesTest {

	@Test
	void nothingIsTrustedByDefault() {
		TrustedProxies none = new TrustedProxies("");
		assertThat(none.isTrusted("127.0.0.1")).isFalse();
		assertThat(none.clientAddress("127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
	}

	@Test
	void theClientIsTheRightMostAddressThatIsNotATrustedProxy() {
		TrustedProxies p = new TrustedProxies("10.0.0.0/8, 192.168.1.5 ,::1");
		assertThat(p.clientAddress("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
		// what the client wrote itself, left of the first untrusted hop, is not believed
		assertThat(p.clientAddress("10.1.2.3", "6.6.6.6, 203.0.113.9, 192.168.1.5")).isEqualTo("203.0.113.9");
		assertThat(p.clientAddress("::1", "2001:db8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
		// an untrusted peer's header is ignored
		assertThat(p.clientAddress("203.0.113.1", "10.0.0.1")).isEqualTo("203.0.113.1");
		// junk (or a host name, which would need DNS) stops the walk at the last good
		// address
		assertThat(p.clientAddress("10.1.2.3", "evil.example, unknown")).isEqualTo("10.1.2.3");
		assertThat(p.clientAddress("10.1.2.3", "203.0.113.9:5123")).isEqualTo("203.0.113.9");
	}

	@Test
	void aMisconfiguredListStopsTheStart() {
		assertThatThrownBy(() -> new TrustedProxies("proxy.example")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theFilterGivesTheClientsAddressAndSchemeOnlyFromATrustedPeer() throws Exception {
		ForwardedRequestFilter filter = new ForwardedRequestFilter(new TrustedProxies("10.0.0.1"));
		for (String peer : new String[] { "10.0.0.1", "10.0.0.2" }) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
			request.setRemoteAddr(peer);
			request.addHeader("X-Forwarded-For", "203.0.113.9");
			request.addHeader("X-Forwarded-Proto", "https");
			MockFilterChain chain = new MockFilterChain();
			filter.doFilter(request, new MockHttpServletResponse(), chain);
			var seen = (HttpServletRequest) chain.getRequest();
			boolean trusted = peer.equals("10.0.0.1");
			assertThat(seen.getRemoteAddr()).isEqualTo(trusted ? "203.0.113.9" : peer);
			assertThat(seen.isSecure()).isEqualTo(trusted);
			assertThat(seen.getScheme()).isEqualTo(trusted ? "https" : "http");
			assertThat(seen.getRequestURL().toString())
				.isEqualTo(trusted ? "https://localhost/login" : "http://localhost/login");
		}
	}

	@Test
	void ipv6ClientsCountPerSlash64() {
		assertThat(RateLimitFilter.subject("2001:db8:1:2:aaaa::1"))
			.isEqualTo(RateLimitFilter.subject("2001:db8:1:2:bbbb::9"))
			.isNotEqualTo(RateLimitFilter.subject("2001:db8:1:3::1"));
		assertThat(RateLimitFilter.subject("203.0.113.9")).isEqualTo("203.0.113.9");
	}

	@Test
	void whichRequestsCountAgainstWhichLimit() {
		assertThat(RateLimitFilter.kind("POST", "/public/opinions")).hasToString("SUBMISSION");
		assertThat(RateLimitFilter.kind("POST", "/api/v1/public/opinions")).hasToString("SUBMISSION");
		assertThat(RateLimitFilter.kind("GET", "/public/opinions/1234-5678-00000")).hasToString("TRACKING");
		assertThat(RateLimitFilter.kind("GET", "/api/v1/public/opinions/1234-5678-00000")).hasToString("TRACKING");
		assertThat(RateLimitFilter.kind("POST", "/public/opinions/1234-5678-00000/feedback")).hasToString("TRACKING");
		assertThat(RateLimitFilter.kind("POST", "/login")).hasToString("LOGIN");
		assertThat(RateLimitFilter.kind("POST", "/api/v1/auth/token")).hasToString("LOGIN");
		// the forms themselves, and staff calls, are not counted
		assertThat(RateLimitFilter.kind("GET", "/public/opinions/new")).isNull();
		assertThat(RateLimitFilter.kind("GET", "/public/opinions/track")).isNull();
		assertThat(RateLimitFilter.kind("GET", "/login")).isNull();
		assertThat(RateLimitFilter.kind("POST", "/api/v1/opinions")).isNull();
		assertThat(RateLimitFilter.kind("POST", "/opinions")).isNull();
	}

}
