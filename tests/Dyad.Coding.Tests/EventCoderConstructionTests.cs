using Dyad.Coding.Coder;
using Dyad.Coding.Lexicon;
using Dyad.Coding.Ontology;
using Dyad.Knowledge.Resolution;

namespace Dyad.Coding.Tests;

/// <summary>
/// The constructions of issue 6 "Coding", each as short sentences run through the real pipeline (shipped tokenizer,
/// tagger, parser, NER, actor dictionaries and lexicon) with the codings an analyst would expect.
/// </summary>
public sealed class EventCoderConstructionTests(CodingPipelineFixture models) : IClassFixture<CodingPipelineFixture>
{
    private (string? Source, string Code, string? Target)[] Triples(string text) =>
        models.Code(text).Select(e => (e.Source, e.Code, e.Target)).Order().ToArray();

    // ---- roles ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Conjoined_sources_give_one_event_each() =>
        Triples("Russia and China criticized Japan.").ShouldBe([("CHN", "111", "JPN"), ("RUS", "111", "JPN")]);

    [Fact]
    public void A_conjoined_verb_shares_the_first_verbs_subject() =>
        Triples("Iran denied the accusations and criticized Israel.").ShouldBe([("IRN", "111", "ISR")]);

    [Fact]
    public void An_unknown_name_resolves_through_its_apposition()
    {
        var e = models.Code("Ivan Petrov, the Russian foreign minister, criticized Germany.").ShouldHaveSingleItem();
        (e.Source, e.Code, e.Target).ShouldBe(("RUSGOV", "111", "DEU"));
        // The apposition states his role, so the document has learned him by name.
        e.Rule!.ShouldContain("source learned:name");
    }

    [Fact]
    public void A_relative_pronoun_stands_for_the_noun_its_clause_modifies()
    {
        var events = models.Code("Japan, which accused China of espionage, expelled two Chinese diplomats.");
        var accusation = events.Single(e => e.VerbText == "accused");
        (accusation.Source, accusation.Code, accusation.Target).ShouldBe(("JPN", "1125", "CHN"));
        events.Single(e => e.VerbText == "expelled").Source.ShouldBe("JPN");
    }

    [Fact]
    public void A_preposition_after_the_target_does_not_change_it() =>
        Triples("Turkey slammed the US for interference in Syria.").ShouldBe([("TUR", "111", "USA")]);

    [Fact]
    public void Conjoined_country_modifiers_of_one_group_give_one_source_each() =>
        Triples("US and British activists criticized Russia.").ShouldBe([("GBROPP", "111", "RUS"), ("USAOPP", "111", "RUS")]);

    [Fact]
    public void Two_coordinated_verbs_share_the_object_written_after_the_second() =>
        Triples("China denounced and sanctioned Japan.").ShouldBe([("CHN", "111", "JPN"), ("CHN", "163", "JPN")]);

    [Fact]
    public void Sanctioning_a_country_is_163_and_sanctioning_a_thing_is_not() =>
        Triples("The United States sanctioned Russia. The council sanctioned the use of force against Iraq.").ShouldBe([("USA", "163", "RUS")]);

    [Fact]
    public void A_participle_coordinated_with_a_passive_is_passive_too() =>
        Triples("Iran was criticized by France and condemned by Germany.").ShouldBe([("DEU", "111", "IRN"), ("FRA", "111", "IRN")]);

    [Fact]
    public void Force_used_on_a_thing_in_a_country_targets_that_country() =>
        models.Code("Israel struck targets in Syria.").ShouldHaveSingleItem().Target.ShouldBe("SYR");

    [Fact]
    public void A_counterpart_holds_the_sources_office_in_its_own_country() =>
        Triples("The Japanese foreign minister met his Chinese counterpart.").ShouldBe([("JPNGOV", "040", "CHNGOV")]);

    [Fact]
    public void Officials_of_a_country_are_its_government() =>
        Triples("Indonesian officials criticized Malaysia. The EU criticized Belarus.").ShouldBe([("IDNGOV", "111", "MYS"), ("IGOEUREEC", "111", "BLR")]);

    [Fact]
    public void A_count_is_read_through_to_what_it_counts() =>
        Triples("Iran launched hundreds of drones at Israel. Turkey detained dozens of Syrian refugees.")
            .ShouldBe([("IRN", "195", "ISR"), ("TUR", "173", "SYRREF")]);

    [Fact]
    public void Talks_on_a_topic_between_two_named_sides_are_reciprocal() =>
        Triples("Chinese and American negotiators held talks on climate cooperation.").ShouldBe([("CHNGOV", "040", "USAGOV"), ("USAGOV", "040", "CHNGOV")]);

    [Fact]
    public void Conjoined_countries_of_an_agent_phrase_give_one_source_each() =>
        Triples("The ambassadors of France, Italy and Spain criticized Russia.").ShouldBe([("ESPGOV", "111", "RUS"), ("FRAGOV", "111", "RUS"), ("ITAGOV", "111", "RUS")]);

    [Fact]
    public void A_common_noun_subject_stands_for_the_conjoined_names_in_apposition() =>
        Triples("The two neighbours, India and Pakistan, criticized China.").ShouldBe([("IND", "111", "CHN"), ("PAK", "111", "CHN")]);

    [Theory]
    [InlineData("French President Emmanuel Macron criticized Russia.", "FRA")]
    [InlineData("The American ambassador criticized Russia.", "USA")]
    public void A_demonym_shared_with_a_dependency_means_the_sovereign_state(string text, string country) =>
        models.Code(text).ShouldHaveSingleItem().Source!.ShouldStartWith(country);

    [Fact]
    public void A_pronoun_subject_refers_to_the_person_last_named_as_a_subject()
    {
        var e = models.Code("Putin met Xi Jinping in Moscow. He praised China.").Single(e => e.VerbText == "praised");
        (e.Source, e.Code, e.Target).ShouldBe(("RUSGOV", "051", "CHN"));
        e.Rule!.ShouldContain("coref:pronoun");
    }

    [Fact]
    public void A_surname_resolves_to_the_person_the_document_named_in_full()
    {
        // A name no shipped dictionary knows, so only the document can say who "Morimoto" is.
        var e = models.Code("Japanese Prime Minister Kenji Morimoto met Chinese President Xi Jinping in Beijing. Morimoto praised China for its cooperation.")
            .Single(e => e.VerbText == "praised");
        (e.Source, e.Target).ShouldBe(("JPNGOV", "CHN"));
        e.Rule!.ShouldContain("source learned:surname");
    }

    // ---- targets in prepositional phrases --------------------------------------------------------------------------

    [Fact]
    public void A_theme_object_leaves_the_target_to_a_partner_phrase_of_the_verb()
    {
        Triples("Argentina suspended food aid to Venezuela.").ShouldBe([("ARG", "162", "VEN")]);
        Triples("Turkey granted asylum to an Iranian dissident.").ShouldBe([("TUR", "075", "IRNOPP")]);
        Triples("Japan expressed condolences to Taiwan.").ShouldBe([("JPN", "018", "TWN")]);
        // A pattern that names the object makes "from" its partner: the one asked.
        Triples("Pakistan requested emergency food aid from China.").ShouldBe([("PAK", "023", "CHN")]);
    }

    [Fact]
    public void A_partner_phrase_inside_the_object_is_the_target()
    {
        Triples("Iran restored diplomatic ties with Egypt.").ShouldBe([("IRN", "050", "EGY")]);
        Triples("Egypt welcomed the resumption of diplomatic ties with Qatar.").ShouldBe([("EGY", "051", "QAT")]);
    }

    [Fact]
    public void At_marks_the_target_of_a_hostile_act() =>
        Triples("Iran launched drones at Israel.").ShouldBe([("IRN", "195", "ISR")]);

    [Fact]
    public void A_bare_pattern_does_not_take_an_origin_as_its_target() =>
        Triples("Saudi Arabia evacuated hundreds of foreign nationals from Sudan.").ShouldBeEmpty();

    [Fact]
    public void Two_subjects_act_on_each_other_only_when_the_pattern_names_the_shared_object()
    {
        Triples("The United States and the Taliban signed a peace deal.").ShouldBe([("AFGREB", "057", "USA"), ("USA", "057", "AFGREB")]);
        Triples("France and Turkey traded insults.").ShouldBeEmpty();
    }

    [Fact]
    public void A_symmetric_paired_code_is_coded_from_the_subject_only() =>
        Triples("The Egyptian foreign minister spoke by telephone with his Ethiopian counterpart.").ShouldBe([("EGYGOV", "041", "ETHGOV")]);

    [Fact]
    public void An_infinitive_hung_on_an_actor_object_is_the_verbs_complement() =>
        Triples("Niger ordered the French ambassador to leave the country.").ShouldBe([("NER", "174", "FRAGOV")]);

    // ---- event nouns ----------------------------------------------------------------------------------------------

    [Fact]
    public void Talks_between_two_actors_are_a_consultation() =>
        Triples("Talks between Russia and Ukraine resumed in Istanbul on Tuesday.").ShouldBe([("RUS", "040", "UKR")]);

    [Fact]
    public void A_possessor_visiting_a_place_is_a_visit() =>
        Triples("Erdogan's visit to Germany drew protests.").ShouldBe([("TURGOV", "042", "DEU")]);

    [Fact]
    public void Sanctions_imposed_on_a_country_take_the_light_verbs_subject_as_source() =>
        Triples("The United States imposed new sanctions on Iran.").ShouldBe([("USA", "163", "IRN")]);

    [Fact]
    public void An_airstrike_by_one_actor_on_another_is_an_aerial_attack() =>
        Triples("Seven civilians were killed in an airstrike by Israel on Gaza.").ShouldBe([("ISR", "195", "PSEGZA")]);

    [Fact]
    public void Holding_talks_with_someone_is_a_consultation()
    {
        var e = models.Code("Russia held talks with China on Monday.").ShouldHaveSingleItem();
        (e.Source, e.Code, e.Target, e.VerbText).ShouldBe(("RUS", "040", "CHN", "talks"));
    }

    [Fact]
    public void A_reaction_to_an_event_noun_codes_both_the_reaction_and_the_event() =>
        Triples("The UN condemned the Israeli airstrike on Gaza.").ShouldBe([("IGOUNO", "111", "ISR"), ("ISR", "195", "PSEGZA")]);

    [Fact]
    public void Event_nouns_that_are_only_asked_for_or_possible_are_not_coded()
    {
        // The call itself may code (PETRARCH's "CALL * (FOR SANCTIONS)"), the sanctions asked for do not.
        Triples("Kenya called for sanctions on South Sudan.").ShouldNotContain(t => t.Code.StartsWith("16"));
        Triples("Russia might impose sanctions on Ukraine.").ShouldBeEmpty();
    }

    // ---- reporting verbs and quotes -------------------------------------------------------------------------------

    [Fact]
    public void Reported_speech_codes_the_reported_event_with_its_own_subject() =>
        Triples("Germany said Russia had attacked Ukraine.").ShouldBe([("RUS", "190", "UKR")]);

    [Fact]
    public void A_denial_codes_016_and_not_the_denied_action() =>
        Triples("Iran denied that it attacked Saudi Arabia.").ShouldBe([("IRN", "016", "SAU")]);

    [Fact]
    public void An_accusation_codes_the_charge_and_not_the_alleged_act()
    {
        Triples("Japan accused China of espionage.").ShouldBe([("JPN", "1125", "CHN")]);
        // The gerund after "of" is the charge: attacking is aggression (1123); the attack itself is not coded.
        Triples("Israel accused Iran of attacking its ships.").ShouldBe([("ISR", "1123", "IRN")]);
    }

    [Fact]
    public void Calling_on_someone_is_an_appeal_and_the_requested_action_is_not_coded() =>
        Triples("France called on Iran to release the prisoners.").Select(t => t.Code[..2]).ShouldBe(["02"]);

    [Fact]
    public void A_first_person_quote_speaks_for_the_speaker_of_its_reporting_verb()
    {
        var e = models.Code("Turkish Foreign Minister Mevlut Cavusoglu said: \"We have asked Russia to stop the attacks on Idlib.\"").ShouldHaveSingleItem();
        (e.Source, e.Target, e.Code[..2]).ShouldBe(("TURGOV", "RUS", "02"));
        e.Rule!.ShouldContain("speaker");
    }

    [Fact]
    public void A_tweet_speaks_for_its_author_and_its_attribution_line_codes_nothing()
    {
        var doc = models.Annotate("Russian President Vladimir Putin visited Berlin on Sunday.\n\n" +
                                  "We call on Ukraine to withdraw its troops. — Vladimir Putin (@PutinRF) February 2, 2020");
        doc.Sentences.ShouldContain(s => s.Tweet != null);
        var events = models.Coder.Code(doc);
        var appeal = events.Single(e => e.VerbText == "call");
        (appeal.Source, appeal.Target, appeal.Root).ShouldBe(("RUSGOV", "UKR", "02"));
        appeal.Rule!.ShouldContain("tweet author");
        appeal.Rule!.ShouldContain("@PutinRF");
        events.ShouldAllBe(e => !e.Sentence.Contains("@PutinRF"));
    }

    // ---- negation, modality, intent -------------------------------------------------------------------------------

    [Fact]
    public void Declining_or_not_commenting_is_011()
    {
        Triples("India declined to comment on the Pakistani statement.").ShouldBe([("IND", "011", "PAK")]);
        var e = models.Code("China did not comment on the Japanese statement.").ShouldHaveSingleItem();
        (e.Source, e.Code, e.Target, e.Negated).ShouldBe(("CHN", "011", "JPN", true));
    }

    [Fact]
    public void Refusing_shifts_the_action_to_its_rejection_code()
    {
        Triples("Iran refused to release the British tanker.").ShouldBe([("IRN", "1243", "GBRBUS")]);
        Triples("Turkey refused to meet Greece.").ShouldBe([("TUR", "125", "GRC")]);
        Triples("Putin said he would not meet Erdogan.").ShouldBe([("RUSGOV", "125", "TURGOV")]);
    }

    [Fact]
    public void Threatening_shifts_the_action_to_its_threat_code() =>
        Triples("North Korea threatened to attack South Korea.").ShouldBe([("PRK", "1384", "KOR")]);

    [Fact]
    public void Future_and_intent_shift_cooperation_to_the_intent_codes()
    {
        Triples("Putin will visit Japan next week.").ShouldBe([("RUSGOV", "036", "JPN")]);
        Triples("Russia plans to meet Ukraine in Minsk.").ShouldBe([("RUS", "036", "UKR")]);
        Triples("Israel agreed to release Palestinian prisoners.").ShouldBe([("ISR", "0353", "PSE")]);
    }

    [Fact]
    public void Modals_questions_and_conditions_suppress_the_event()
    {
        Triples("Russia may attack Ukraine.").ShouldBeEmpty();
        Triples("Will China attack Taiwan?").ShouldBeEmpty();
        Triples("If Iran attacks Israel, the United States will respond.").ShouldBeEmpty();
    }

    [Fact]
    public void A_pattern_that_names_the_negation_codes_the_negated_verb()
    {
        Triples("Iran did not cooperate with Russia.").ShouldBeEmpty();
        using var temp = new TempFolder();
        var coder = new EventCoder(VerbLexicon.Load(temp.Write("user.tsv", "V\tcooperate\tbefore:not\t120\n")), EventOntology.Load(), ActorResolver.Load());
        coder.Code(models.Annotate("Iran did not cooperate with Russia.")).Select(e => (e.Source, e.Code, e.Target)).ShouldBe([("IRN", "120", "RUS")]);
    }

    [Fact]
    public void The_petrarch_convention_codes_future_and_modal_verbs_as_written()
    {
        var petrarch = new EventCoder(VerbLexicon.Load(), EventOntology.Load(), ActorResolver.Load(), CodingConvention.Petrarch);
        petrarch.Code(models.Annotate("Putin will visit Japan next week.")).Select(e => (e.Source, e.Code, e.Target))
            .ShouldBe([("RUSGOV", "042", "JPN"), ("JPN", "043", "RUSGOV")], ignoreOrder: true);
        petrarch.Code(models.Annotate("Russia may attack Ukraine.")).ShouldHaveSingleItem().Root.ShouldBe("19");
        // The default CAMEO convention: intent, and no event under a modal.
        Triples("Putin will visit Japan next week.").ShouldBe([("RUSGOV", "036", "JPN")]);
        Triples("Russia may attack Ukraine.").ShouldBeEmpty();
    }

    [Fact]
    public void An_urged_action_is_not_itself_an_event()
    {
        var events = models.Code("The United States urged Kazakhstan to join the United States in pressing China.");
        events.Select(e => e.VerbText).ShouldBe(["urged"]);
    }

    // ---- targets, themes and time words -------------------------------------------------------------------------

    [Fact]
    public void A_theme_word_after_an_actor_object_does_not_change_the_verbs_code() =>
        Triples("The United States criticized Beijing over the camps.").ShouldBe([("USA", "111", "CHNGOV")]);

    [Fact]
    public void An_actor_object_is_not_read_as_a_theme_word_of_a_pattern() =>
        Triples("Ukrainian officials accused Russian forces of shelling a hospital.").ShouldBe([("UKRGOV", "112", "RUSMIL")]);

    [Fact]
    public void A_charge_the_parser_hangs_on_the_object_still_narrows_the_accusation() =>
        Triples("Amnesty International accused Egyptian police of torturing detained activists.").ShouldBe([("NGOHRIAMN", "1122", "EGYCOP")]);

    [Fact]
    public void A_bare_weekday_after_the_object_leaves_the_object_to_the_verb() =>
        Triples("Japan criticized North Korea Sunday.").ShouldBe([("JPN", "111", "PRK")]);

    [Fact]
    public void A_bare_next_period_after_the_object_leaves_the_object_to_the_verb() =>
        Triples("Putin will visit India next month, the Kremlin said.").ShouldBe([("RUSGOV", "036", "IND")]);

    [Fact]
    public void A_counterpart_with_a_possessive_pronoun_takes_its_country_from_its_modifier() =>
        Triples("Indian Foreign Minister Subrahmanyam Jaishankar met his Chinese counterpart.").ShouldBe([("INDGOV", "040", "CHNGOV")]);

    [Fact]
    public void Conjoined_authors_of_a_non_actor_object_are_each_a_target() =>
        Triples("Serbia rejected demands from Germany and France for sanctions.").ShouldBe([("SRB", "120", "DEU"), ("SRB", "120", "FRA")]);

    [Fact]
    public void Two_subjects_that_signed_a_deal_act_on_each_other() =>
        Triples("Armenia and Azerbaijan signed a deal.").ShouldBe([("ARM", "057", "AZE"), ("AZE", "057", "ARM")]);

    [Fact]
    public void Security_forces_arresting_protesters_is_an_arrest_not_an_occupation() =>
        Triples("Iranian police arrested dozens of protesters in Tehran.").ShouldBe([("IRNCOP", "173", "IRNOPP")]);

    [Fact]
    public void Shooting_down_a_craft_is_force_against_its_owner() =>
        Triples("A Russian drone was shot down by Ukrainian forces.").ShouldBe([("UKRMIL", "190", "RUS")]);

    [Fact]
    public void Hyphenated_name_parts_that_look_like_function_words_stay_in_the_name()
    {
        Triples("Kim Jong Un met Moon Jae-in.").ShouldBe([("PRKGOV", "040", "KORGOV")]);
        Triples("Kassym-Jomart Tokayev met Xi Jinping.").ShouldBe([("KAZGOV", "040", "CHNGOV")]);
    }

    [Fact]
    public void An_agent_the_subject_owns_is_the_theme_and_the_partner_phrase_names_the_target()
    {
        Triples("Peru recalled its ambassador to Mexico on Tuesday.").ShouldBe([("PER", "161", "MEX")]);
        // The owned agent of another country stays the target.
        Triples("The Japanese foreign minister met his Chinese counterpart.").ShouldBe([("JPNGOV", "040", "CHNGOV")]);
    }

    // ---- explain --------------------------------------------------------------------------------------------------

    [Fact]
    public void Explain_gives_the_dependency_path_and_the_decisions()
    {
        var doc = models.Annotate("Russia plans to meet Ukraine in Minsk.");
        models.Coder.Code(doc).ShouldAllBe(e => e.Explain == null);
        var e = models.Coder.Code(doc, explain: true).ShouldHaveSingleItem();
        e.Explain!.ShouldContain("path: Russia <nsubj plans >xcomp meet >obj Ukraine");
        e.Explain!.ShouldContain(line => line.StartsWith("code 040 becomes 036: intent"));
    }
}
