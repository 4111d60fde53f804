package cn.deputylink.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body for tests that upload files. */
public final class Multipart {

	private final String boundary = "----dl" + UUID.randomUUID().toString().replace("-", "");

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	public Multipart field(String name, String value) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
		return this;
	}

	public Multipart file(String name, String filename, byte[] content) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		out.writeBytes(content);
		write("\r\n");
		return this;
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	public HttpRequest.BodyPublisher publisher() {
		return HttpRequest.BodyPublishers.ofByteArray(toByteArray());
	}

	/** The whole body, closing boundary included. */
	public byte[] toByteArray() {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		all.writeBytes(out.toByteArray());
		all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return all.toByteArray();
	}

	private void write(String s) {
		out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
	}

}
