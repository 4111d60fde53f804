package cn.deputylink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Module boundaries: Spring Modulith's verification plus a few ArchUnit rules of our own. */
class ModularityTest {

	private static final ApplicationModules MODULES = ApplicationModules.of(DeputyLinkApplication.class);

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.deputylink");

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void featureModulesExist() {
		org.assertj.core.api.Assertions.assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
			.contains("account", "audit", "organisation", "shell", "shared", "demo");
	}

	@Test
	void domainNeverDependsOnTheWebLayer() {
		noClasses().that()
			.resideOutsideOfPackage("cn.deputylink..web..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("cn.deputylink..web..")
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("cn.deputylink.shared.web.."))))
			.because("services and repositories must not know about controllers")
			.check(CLASSES);
	}

	@Test
	void nothingUsesJpa() {
		noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence..").check(CLASSES);
	}

	@Test
	void repositoriesAreNotPublic() {
		com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
			.that()
			.areAnnotatedWith(org.springframework.stereotype.Repository.class)
			.should()
			.notBePublic()
			.check(CLASSES);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
