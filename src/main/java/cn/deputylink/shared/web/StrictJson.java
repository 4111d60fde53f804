package cn.deputylink.shared.web;

import java.time.temporal.Temporal;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import cn.deputylink.shared.TextInput;

/**
 * JSON bodies mean what they say: a value of the wrong type is a 400, never quietly
 * converted. Jackson's defaults would store {@code "content": 12345} as the text "12345",
 * {@code "stationId": 1.5} as 1, {@code "receivedAt": 12345} as a moment in 1970 and
 * {@code "receivedAt": ""} as no date; and every string goes through {@link TextInput},
 * so control characters and lone surrogates are refused before a database sees them.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	/**
	 * The message of the refusal of a string that is not text; the API's handler names
	 * the field.
	 */
	static final String NOT_TEXT = "control character or lone surrogate in a string";

	@Bean
	JsonMapperBuilderCustomizer strictJsonTypes() {
		return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
				.setAcceptBlankAsEmpty(false))
			// an empty string is text; anything else given for text is not
			.withCoercionConfig(LogicalType.Textual,
					c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(new SimpleModule("deputylink-strict-json").setDeserializerModifier(new Strict()));
	}

	/** Wraps the deserializers of strings and of dates and times. */
	private static final class Strict extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
				BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
			Class<?> type = description.getBeanClass();
			if (type == String.class) {
				return new CleanText(deserializer);
			}
			if (Temporal.class.isAssignableFrom(type)) {
				return new TextualTime(deserializer);
			}
			return deserializer;
		}

	}

	/** A string with a control character or a lone surrogate is refused. */
	private static final class CleanText extends DelegatingDeserializer {

		CleanText(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new CleanText(delegate);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) {
			Object value = super.deserialize(p, ctxt);
			if (value instanceof String s && !TextInput.isClean(s)) {
				return ctxt.reportInputMismatch(String.class, NOT_TEXT);
			}
			return value;
		}

	}

	/**
	 * Dates and times come as ISO text only: a number would be read as seconds since
	 * 1970.
	 */
	private static final class TextualTime extends DelegatingDeserializer {

		TextualTime(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new TextualTime(delegate);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				return ctxt.reportInputMismatch(handledType(), "a date or time must be ISO-8601 text");
			}
			return super.deserialize(p, ctxt);
		}

	}

}
