package cn.deputylink.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Test-only: records every SQL statement prepared, and every commit, on the application's
 * data source while {@link #recording} is on, on the web server's request threads, to
 * count what one request costs the database.
 */
@TestConfiguration
public class StatementCounter implements BeanPostProcessor {

	public static final AtomicBoolean recording = new AtomicBoolean();

	/** The statements, and "COMMIT" for each commit, in order. */
	public static final List<String> seen = new CopyOnWriteArrayList<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource ds && !(Proxy.isProxyClass(bean.getClass()))) {
			return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
					handler(ds, (proxy, m, args) -> m.getName().equals("getConnection")
							? connection((Connection) m.invoke(ds, args)) : m.invoke(ds, args)));
		}
		return bean;
	}

	private static Connection connection(Connection c) {
		return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler(c, (proxy, m, args) -> {
					// only the requests' threads: the listeners working off events on the
					// executor's threads (the statistics' counting) are not the request's
					// cost
					if (recording.get() && Thread.currentThread().getName().contains("-exec-")) {
						if ((m.getName().startsWith("prepare") || m.getName().equals("nativeSQL")) && args != null
								&& args[0] instanceof String sql) {
							seen.add(sql.replaceAll("\\s+", " ").strip());
						}
						else if (m.getName().equals("commit")) {
							seen.add("COMMIT");
						}
					}
					return m.invoke(c, args);
				}));
	}

	private interface Call {

		Object call(Object proxy, Method m, Object[] args) throws Throwable;

	}

	private static InvocationHandler handler(Object target, Call call) {
		return (proxy, m, args) -> {
			try {
				if (m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")) {
					return m.invoke(target, args);
				}
				return call.call(proxy, m, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
	}

}
