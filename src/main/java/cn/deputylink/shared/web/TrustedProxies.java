package cn.deputylink.shared.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The reverse proxies (TLS terminators, load balancers) whose {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are believed: {@code deputylink.web.trusted-proxies}, a
 * comma-separated list of addresses and CIDR ranges, empty by default (nothing is
 * believed, so a client cannot forge its address by sending the header itself). Only
 * address literals are ever parsed: a forwarded value never causes a DNS lookup.
 */
@Component
public class TrustedProxies {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final List<IpAddressMatcher> proxies = new ArrayList<>();

	public TrustedProxies(@Value("${deputylink.web.trusted-proxies:}") String configured) {
		for (String p : configured.split(",")) {
			String s = p.strip();
			if (!s.isEmpty()) {
				String address = s.contains("/") ? s.substring(0, s.indexOf('/')) : s;
				if (literal(address) == null) {
					throw new IllegalStateException(
							"deputylink.web.trusted-proxies: not an address or CIDR range: " + s);
				}
				proxies.add(new IpAddressMatcher(s));
			}
		}
	}

	public boolean isTrusted(@Nullable String address) {
		String a = literal(address);
		return a != null && proxies.stream().anyMatch(m -> m.matches(a));
	}

	/**
	 * The client's address: the peer's, unless the peer is a trusted proxy; then the
	 * right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy
	 * (the left-most if all are). Anything to the left of that was written by the client
	 * and is not believed.
	 */
	public String clientAddress(String peer, @Nullable String forwardedFor) {
		if (forwardedFor == null || !isTrusted(peer)) {
			return peer;
		}
		String[] hops = forwardedFor.split(",");
		String client = peer;
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = literal(hops[i]);
			if (hop == null) {
				return client;
			}
			client = hop;
			if (!isTrusted(hop)) {
				return hop;
			}
		}
		return client;
	}

	/**
	 * An IPv4 or IPv6 literal (brackets and an IPv4 port stripped), or null for anything
	 * else.
	 */
	static @Nullable String literal(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String v = value.strip();
		if (v.startsWith("[") && v.indexOf(']') > 0) {
			v = v.substring(1, v.indexOf(']'));
		}
		else if (v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':') && v.indexOf('.') > 0) {
			v = v.substring(0, v.indexOf(':'));
		}
		if (v.length() > 45 || !(IPV4.matcher(v).matches() || IPV6.matcher(v).matches())) {
			return null;
		}
		try {
			// a literal: getByName parses it without asking DNS
			return InetAddress.getByName(v).getHostAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
