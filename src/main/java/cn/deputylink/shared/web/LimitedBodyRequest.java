package cn.deputylink.shared.web;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** A chunked body without a Content-Length is counted as it is read. */
class LimitedBodyRequest extends HttpServletRequestWrapper {

	private final long max;

	LimitedBodyRequest(HttpServletRequest request, long max) {
		super(request);
		this.max = max;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		ServletInputStream in = super.getInputStream();
		return new ServletInputStream() {
			private long read;

			@Override
			public int read() throws IOException {
				int b = in.read();
				if (b >= 0 && ++read > max) {
					throw new MaxUploadSizeExceededException(max);
				}
				return b;
			}

			@Override
			public int read(byte[] buf, int off, int len) throws IOException {
				int n = in.read(buf, off, len);
				if (n > 0 && (read += n) > max) {
					throw new MaxUploadSizeExceededException(max);
				}
				return n;
			}

			@Override
			public boolean isFinished() {
				return in.isFinished();
			}

			@Override
			public boolean isReady() {
				return in.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				in.setReadListener(listener);
			}
		};
	}

}
