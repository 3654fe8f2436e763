"""People and sources for classes of news writing found wrong on unseen articles, one test a class."""

from __future__ import annotations

from reader.analysis import analyze
from tests.test_analysis_people_sources import _people, _sources


def test_a_surname_that_is_also_a_word_follows_a_given_name() -> None:
    people = _people(
        "Paul Singer said the fund would give more. Mark Cuban said he would not run. Adam Green, a co-founder "
        "of the committee, said in a statement that it was over. Tennis great Billie Jean King remembered Ali. "
        "Senator Barbara Boxer of California said she had called."
    )
    assert {"Paul Singer", "Mark Cuban", "Adam Green", "Billie Jean King", "Barbara Boxer"} <= set(people)


def test_a_party_or_creed_after_a_given_name_is_no_surname() -> None:
    assert not _people("The Christian Democrat plan failed. A Christian Democratic government fell.")


def test_after_an_honorific_any_capitalised_word_is_a_surname_but_a_form_of_address() -> None:
    people = _people(
        "'It is fine,' Mr. Singer said. Ms. Boxer said she had called. Mr. English said of Mr. Cruz that he "
        "was right. 'Thank you, Mr. President,' she said."
    )
    assert {"Singer", "Boxer", "English"} <= set(people)
    assert "President" not in people


def test_given_names_that_end_like_verbs_or_are_a_month() -> None:
    people = _people(
        "Jared Bernstein, a senior fellow, said it was true. Former Arizona governor Jan Brewer calls the issue "
        "a priority."
    )
    assert people["Jared Bernstein"] == "senior fellow"
    assert "Jan Brewer" in people


def test_a_name_suffix_is_an_alias_not_the_surname() -> None:
    analysis = analyze(
        "James B. Comey Jr., the director of the agency, said at a news conference that it was closed. "
        "Brent Bozell III, founder of the center, said he backed Cruz. Comey added that he was sure."
    )
    people = {p.name: p for p in analysis.people}
    assert {"James B. Comey", "Brent Bozell"} <= set(people)
    comey = people["James B. Comey"]
    assert "James B. Comey Jr." in comey.aliases
    assert comey.role == "director of the agency"
    assert len(comey.mentions) == 2  # the later "Comey" is the same person


def test_companies_plans_and_movements_named_like_people_are_not_people() -> None:
    people = _people(
        "DuPont agreed to merge with Dow Chemical. Congress debated the Trans-Pacific Partnership and the "
        "Clean Power Plan. Bill Frelick of Human Rights Watch spoke. Universal Pictures released it. "
        "Henry Realty sold the lot."
    )
    assert set(people) == {"Bill Frelick"}


def test_plural_titles_and_lowercase_words_are_not_glued_to_names() -> None:
    people = _people(
        "The billionaire spoke for an hour. Billionaire Donald Trump praised the crowd. "
        "Together, Senators Rubio and Cruz voted no."
    )
    assert "Donald Trump" in people
    assert not {"Billionaire Donald Trump", "Senators Rubio"} & set(people)


def test_compounds_paths_and_handles_are_not_names() -> None:
    people = _people(
        "An influential New York-based newspaper wrote about it. White House-era papers were found. "
        'Facebook/Mostafa Talaat. <tweet author="@HillaryClinton">I am thrilled</tweet>'
    )
    assert not {"New York-based", "White House-era", "Facebook/Mostafa Talaat", "HillaryClinton"} & set(people)
    assert "York-based" not in _sources("An influential New York-based newspaper wrote about it.")


def test_a_sentence_opening_common_word_is_not_a_person() -> None:
    assert not _people("Construction starts in spring, the council said.")


def test_countries_and_bodies_credited_by_name_are_sources_not_people() -> None:
    body = (
        "Israel said the strike hit a base. The Pentagon said the drill was routine. According to Gallup, "
        "most voters agreed. It rained on Monday, and China warned that it would respond."
    )
    sources = _sources(body)
    assert {"Israel", "The Pentagon", "Gallup", "China"} <= set(sources)  # "The Pentagon said": named as written
    assert sources["Israel"] == sources["The Pentagon"] == sources["China"] == "organization"
    assert not analyze(body).people


def test_what_names_no_body_is_not_made_a_source() -> None:
    sources = _sources(
        "Recent reports have revealed that he left. Republicans said no. Israel's army said it fired. "
        "On Monday, officials said little."
    )
    assert not {"Recent", "Republicans", "Israel", "Monday"} & set(sources)


def test_stances_credit_their_subject_but_a_passive_credits_no_one() -> None:
    sources = _sources(
        "Rob Siegel, the editor, likened it to a war. In a letter, the Home Office rejects the claim.\n\n"
        "The team had been denied visas by the United States Embassy."
    )
    assert sources.get("Rob Siegel") == "person"
    assert sources.get("Home Office") == "organization"
    assert "United States Embassy" not in sources


def test_a_role_noun_names_the_person_right_after_it_not_across_a_sentence() -> None:
    people = _people(
        "The article was written by a longtime critic. Hundreds of readers wrote back. "
        "Conservative commentator Jonah Goldberg was one. His wife, Callista, stayed home."
    )
    assert (people.get("Jonah Goldberg") or "").endswith("commentator")
    assert "Callista" in people
    assert "Hundreds" not in people


def test_particles_and_given_names_the_lexicon_calls_places_or_peoples() -> None:
    people = _people(
        "Ronald dela Rosa said the police would act. Roman Smbatyan, a historian, disagreed. Chad Smith said so too."
    )
    assert {"Ronald dela Rosa", "Roman Smbatyan", "Chad Smith"} <= set(people)


def test_a_question_or_headline_opening_word_is_not_part_of_a_name() -> None:
    people = _people(
        "Ted Cruz and Bernie Sanders spoke. Had Sanders won the vote, they would have stayed. "
        "Neither Cruz nor Christie answered. Says Clinton would stack the court."
    )
    assert not {"Had Sanders", "Neither Cruz", "Says Clinton"} & set(people)


def test_a_state_abbreviation_before_a_name_is_not_part_of_it() -> None:
    body = "They met at his club at Bedminster, N.J. Roger Ailes, the former chairman, was there. Ocala, Fla. said no."
    assert "Roger Ailes" in _people(body)
    assert "N.J. Roger Ailes" not in _people(body)
    assert "Fla." not in _sources(body)


def test_a_surname_alone_is_a_person_when_a_pronoun_or_who_can_only_be_theirs() -> None:
    people = _people(
        "Barcelona played their usual lineup including Ronaldinho and Deco. Riise, who scored the winning goal, "
        "continued to threaten Barcelona. Ronaldinho would have another chance minutes later as he made a "
        "quick run, and Bellamy wasn't expecting the ball to come to him. Barcelona continued to push, and "
        "their coach sent Giuly and Bellamy into the mix after a header by Riise."
    )
    assert {"Riise", "Ronaldinho", "Bellamy"} <= set(people)
    assert "Barcelona" not in people  # "their": a team, not a person


def test_a_word_capitalised_only_where_sentences_open_is_not_a_surname() -> None:
    people = _people("Alas, he was gone. Absent a deal, he said, it fails. Allies of his agreed.")
    assert not people


def test_an_acronym_that_reports_and_a_journal_that_published_are_sources() -> None:
    sources = _sources(
        "About a year ago, NASA reports, observers saw a drop in its brightness. "
        "The discovery was reported online in the Nature journal. Recent reports have revealed more."
    )
    assert sources.get("NASA") == "organization"
    assert sources.get("Nature") == "outlet"
    assert "Recent" not in sources


def test_a_title_cased_heading_is_no_evidence_of_a_person_but_a_list_of_names_is() -> None:
    people = _people(
        "GOP Candidates Resoundingly Reject The Idea Of A Minimum Wage Hike\n\n"
        "The debate went on for hours.\n\n"
        "Faycal Bettiche, Nouha Saoudi, Mohamed and Joumana Bettiche."
    )
    assert "Minimum Wage Hike" not in people
    assert {"Faycal Bettiche", "Nouha Saoudi"} <= set(people)


def test_a_given_name_that_is_a_place_used_alone_is_a_person_when_a_pronoun_says_so() -> None:
    people = _people(
        "The church denied that it held Valeska Paris. Paris also claims that her passport was taken. "
        "They claimed Paris was a volunteer. Paris is the capital of France, and its mayor spoke."
    )
    assert "Paris" in people
    assert len(analyze("Paris is the capital of France, and its mayor spoke. He left Paris.").people) == 0


def test_a_match_report_names_players_by_one_name() -> None:
    people = _people(
        "Ronaldinho, who scored twice, was fit. The visitors fielded their usual side including Ronaldinho and "
        "Pardo. "
        "Later the coach sent Malvio and Ronaldinho into the game. Ronaldinho took a pass from Tessaro and "
        "shot wide. A poor clearance was handed straight to Kuvelo, and he was unlucky to hit the bar."
    )
    assert {"Ronaldinho", "Pardo", "Malvio", "Tessaro", "Kuvelo"} <= set(people)


def test_a_place_or_a_brand_beside_a_player_is_no_player() -> None:
    people = _people(
        "He came third in Iowa, and he hoped for more. Snowden, who leaked the files, spoke. "
        "The split shows how WikiLeaks and Snowden differ. Travis will command Atlantis and Scott D. Altman "
        "will fly it. Moderates who led big states: Bush and Govs. Chris Christie and John Kasich."
    )
    assert not {"Iowa", "WikiLeaks", "Atlantis", "Govs"} & set(people)


def test_someone_reported_by_another_or_a_body_s_seat_is_no_source() -> None:
    sources = _sources(
        'Steve Whitmore told the Weekly that on Monday after flying back from Ohio, Daniel Morrow "walked into '
        'the station lobby", and told the police, "I have it all here." '
        "On Monday, astronomers at the Ohio State University, Columbus, revealed the discovery."
    )
    assert "Steve Whitmore" in sources
    assert not {"Daniel Morrow", "Columbus"} & set(sources)


def test_american_states_and_their_capitals_are_places_not_people() -> None:
    text = (
        "Ann Tolbert spoke in Des Moines on Monday. The shootings include Oak Creek, Wisconsin; and Newtown. "
        "Hampshire Sanders supporters cheered. Arkansas Governor Mike Beebe came."
    )
    people = _people(text)
    assert {"Ann Tolbert", "Mike Beebe"} <= set(people)
    assert not {"Des Moines", "Oak Creek", "Hampshire Sanders", "Arkansas"} & set(people)


def test_known_companies_groups_and_places_shaped_like_names_are_not_people() -> None:
    people = _people(
        "Shares of Goldman Sachs and Wells Fargo fell. Al Qaeda claimed the attack. Tom Ward lives on "
        "Capitol Hill and flew to Tel Aviv. Former Hewlett-Packard CEO Dana Corwin spoke."
    )
    assert set(people) == {"Tom Ward", "Dana Corwin"}


def test_storms_polls_effects_and_a_city_paper_are_not_people() -> None:
    people = _people(
        "Hurricane Katrina hit the coast. Cyclone Idai followed. A Gallup Poll found the Ferguson Effect was "
        "real. The Second Amendment was debated in the Charlotte Observer. Warner Brothers made the film."
    )
    assert not people


def test_a_plural_abstract_noun_or_demonym_glued_before_a_name_is_not_part_of_it() -> None:
    people = _people(
        "Celebrities Julia Marston and Kerry Woodhall signed. The veteran Vermonter Paul Dorsey won. "
        "Leadership Mark Tillery promised never came. Charles Barkow and Douglas Adler came too."
    )
    assert {"Julia Marston", "Paul Dorsey", "Mark Tillery", "Charles Barkow", "Douglas Adler"} <= set(people)
    assert not {p for p in people if p.startswith(("Celebrities", "Vermonter", "Leadership"))}


def test_a_title_before_a_word_the_article_writes_in_lowercase_is_no_person() -> None:
    people = _people(
        "He signed an Executive Order on guns; the order was new. Judge Harlan spoke. Senator Mendell said "
        "he would run."
    )
    assert set(people) == {"Harlan", "Mendell"}


def test_a_middle_name_that_is_a_body_word_and_a_given_name_that_is_a_creed() -> None:
    people = _people(
        "Margaret Hall Brenner, a professor, said so. Brenner added more. Justice Laura Day Whitcombe "
        "retired. Christian Morvan, a former mayor, spoke. The Christian Right was angry, and he was right."
    )
    assert {"Margaret Hall Brenner", "Laura Day Whitcombe", "Christian Morvan"} <= set(people)
    assert "Christian Right" not in people


def test_a_one_word_name_joined_to_a_full_name_or_set_off_by_a_role_is_a_person() -> None:
    people = _people(
        "Fans cheered as Marisol and David Brenner each won two prizes. The night also belonged to Tavita, "
        "the Samoan singer, who sang twice. Later, Brenner thanked Marisol."
    )
    assert {"Marisol", "David Brenner", "Tavita"} <= set(people)
    assert people["Tavita"] == "Samoan singer"


def test_a_one_word_name_after_a_role_noun_keeps_the_role() -> None:
    assert _people("The evening closed with a song by Spanish singer Marisol.")["Marisol"] == "Spanish singer"


def test_a_company_or_town_joined_to_a_full_name_is_no_person() -> None:
    people = _people(
        "The list includes Tom Harlow of Zipcar and Brian Castell of Lyft. Fishers, Indiana, Mayor James "
        "Corr and Portage, Indiana, Mayor Mary Dunne came. Zipcar and Lyft declined to comment."
    )
    assert not {"Zipcar", "Portage", "Lyft"} & set(people)


def test_an_office_after_title_of_names_the_person_and_gives_the_role() -> None:
    people = _people("Secretary of State Marta Quillon felt the talks went well. The vote was close.")
    assert people["Marta Quillon"] == "Secretary of State"


def test_an_appositive_ending_in_a_role_noun_marks_an_unknown_pair_as_a_person() -> None:
    people = _people("The office of Taro Okubashi, the Japanese prime minister, thanked the rescuers.")
    assert people["Taro Okubashi"] == "Japanese prime minister"


def test_a_one_word_name_with_an_age_is_a_person_and_a_place_noun_makes_a_place() -> None:
    people = _people(
        "Rescuers searched the river in the Kutara Baraweng district. Sukarjo, 24, says he swam to the bank."
    )
    assert set(people) == {"Sukarjo"}


def test_a_state_abbreviation_without_its_dot_can_be_a_surname() -> None:
    people = _people("Naoto Kan, the prime minister, spoke in Wichita, Kan. on Friday.")
    assert set(people) == {"Naoto Kan"}


def test_clubs_teams_and_foreign_bodies_are_not_people_and_a_nationals_man_is_no_name() -> None:
    people = _people(
        "Bayern Munich beat Real Madrid. Hendrick Motorsports and Joe Gibbs Racing won. The fair opened at "
        "Colegio Santa Rosa Lima. The Dutchman Ruud van Nistelrooy scored; Frenchwoman Marie Dupont watched."
    )
    assert set(people) == {"Ruud van Nistelrooy", "Marie Dupont"}


def test_players_named_once_by_what_only_a_player_does() -> None:
    people = _people(
        "The coach sent on Gotez in place of Marlin. The corner was met by Lucio's head, and the keeper "
        "saved as van Dorsten headed Sagnel's cross wide. Madrid scored first, and Chelsea headed home."
    )
    assert {"Gotez", "Marlin", "Lucio", "van Dorsten"} <= set(people)
    assert "Chelsea" not in people


def test_an_editors_bracket_inside_a_name_and_words_that_are_no_name_parts() -> None:
    people = _people(
        "We had a hotline between [U.S. President John] Kennedy and [Soviet Premier Nikita] Khrushchev. "
        "Best wishes. --Joe P.S. Don’t let it fool you. Phillip Father, the President of the firm, spoke."
    )
    assert {"John Kennedy", "Nikita Khrushchev", "Phillip Father"} <= set(people)
    assert not [p for p in people if "Don’t" in p or p == "Nikita"]


def test_a_team_after_the_or_before_fans_is_no_person_and_a_club_with_a_saint() -> None:
    people = _people(
        "The Denver Foxes beat the Carolina Hawks. Carolina Hawks fans left early. He joined Paris "
        "Saint-Ouen. The Harold Peters campaign cheered."
    )
    assert set(people) == {"Harold Peters"}


def test_a_one_word_name_after_a_title_has_the_titled_form_as_an_alias() -> None:
    aldric = next(p for p in analyze("Senator Aldric ordered a review.").people if p.name == "Aldric")
    assert "Senator Aldric" in aldric.aliases


def test_a_one_word_name_after_a_style_is_named_with_it() -> None:
    """ "Pope Francis", "Lord Kinclaven": how such people are named, as the speaker and as a source."""
    analysis = analyze('Lord Kinclaven ordered a review. Kinclaven said "It is done." King Aldric agreed.')
    assert {p.name for p in analysis.people} == {"Lord Kinclaven", "King Aldric"}
    assert analysis.quotes[0].speaker == "Lord Kinclaven"
    assert "Lord Kinclaven" in [s.name for s in analysis.sources]


def test_a_style_and_a_regnal_number_keep_the_name_and_number() -> None:
    person = next(iter(analyze("Pope Gregory XIX opened the synod.").people))
    assert (person.name, "Gregory XIX" in person.aliases) == ("Gregory", True)


def test_more_occupations_before_a_name_give_its_role() -> None:
    people = _people("Egyptian archaeologist Omar Tawfiq said so. Immigration barrister Colin Yeo agreed.")
    assert people["Omar Tawfiq"] == "Egyptian archaeologist"
    assert people["Colin Yeo"] == "Immigration barrister"  # the field opening the sentence is the role's


def test_award_categories_and_a_place_before_an_inverted_cue_are_not_people() -> None:
    people = _people(
        "Laura Calloway won Best Folk Album; the band won Best Rock Performance. The pair were buried at "
        "Tamosira Magnet, said Omar Tawfiq, head of the council."
    )
    assert set(people) == {"Laura Calloway", "Omar Tawfiq"}


def test_known_outlets_places_with_grand_and_compounds_in_maker_are_not_people() -> None:
    people = _people(
        "He told Der Spiegel and Agence France-Presse about it. Tom Varga came from Grand Rapids. The deal "
        "with Widget-maker Tollan fell through. Critics recalled the Cold War."
    )
    assert set(people) == {"Tom Varga"}


def test_titles_whip_and_editor_in_chief_and_a_given_name_before_an_initial() -> None:
    people = _people(
        "Senate Minority Whip Richard J. Dorland spoke. The site's Editor-in-Chief Ben Sorkin agreed. The U.S. "
        "attorney for the district, Channing D. Pell, declined to comment."
    )
    assert {"Richard J. Dorland", "Ben Sorkin", "Channing D. Pell"} <= set(people)


def test_a_pair_of_ordinary_word_shapes_with_no_evidence_is_no_person() -> None:
    people = _people("Activists from Racial Injustice and Direct Action marched. Congressional Ball tickets sold.")
    assert not people


def test_roles_from_an_appositive_with_no_article_a_later_mention_and_office_words() -> None:
    people = _people(
        "Lydia Vanterpool said the levels were low. Lydia Vanterpool, spokesperson for the food agency, "
        "added more. Ingrid Newkirk, co-founder of the group, agreed. Saudi Health Minister Khalid al-Falih "
        "spoke. Tom Smith, who lives here, said nothing."
    )
    assert people["Lydia Vanterpool"] == "spokesperson for the food agency"
    assert people["Ingrid Newkirk"] == "co-founder of the group"
    assert people["Khalid al-Falih"] == "Saudi Health Minister"
    assert people["Tom Smith"] is None


def test_given_names_that_are_also_words_open_a_name() -> None:
    people = _people('"I spoke to Grant Vellacott and Hope Harwick yesterday," she said.')
    assert {"Grant Vellacott", "Hope Harwick"} <= set(people)


def test_ordinary_words_opening_headlines_and_brands_places_and_outlets_are_no_names() -> None:
    people = _people(
        "Top Halvorsen strategists met. A Longtime Pruitt aide spoke. Fans loved Dirty Dancing and Big Game "
        "ads. Ships sailed near Mirrin Shoal. He wrote for Roll Call and the Plain Dealer."
    )
    assert not people


def test_figures_named_by_surname_alone_and_a_name_after_that() -> None:
    people = _people(
        "Interviewer: Is it new?\n\nThe professor: Well, what Obama is doing is what Bush did. He said that "
        "Ehud Baram and Ariel Sharet tried."
    )
    assert {"Obama", "Bush", "Ehud Baram", "Ariel Sharet"} <= set(people)


def test_an_arabic_name_opening_with_al_a_play_by_a_player_and_a_column_named_like_a_person() -> None:
    people = _people(
        "He was tried alongside Al Amin Khalifah Fhimah. A neat backheel by Higuain found him. Readers of the "
        "advice column Savage Love chose it."
    )
    assert set(people) == {"Al Amin Khalifah Fhimah", "Higuain"}


def test_states_and_provinces_named_without_a_country_are_places() -> None:
    assert not _people("The storm hit Andhra Pradesh and Odisha. Officials in Tamil Nadu and Sichuan were ready.")


def test_a_capitalised_role_word_after_a_lowercase_role_noun_opens_the_name() -> None:
    people = _people("National police representative Boy Ramlan Amar said it was over.")
    assert people["Boy Ramlan Amar"] == "National police representative"


def test_a_plural_role_word_before_a_name_gives_its_singular_as_the_role() -> None:
    assert _people("Astronauts Joan Vellum and Robert Crane flew the mission.")["Joan Vellum"] == "astronaut"


def test_an_arabic_given_name_in_ed_opens_a_name_but_a_participle_does_not() -> None:
    people = _people(
        "But Murshed Khaleq, political director of the group, said it was wrong. Saudi Prince Alwaleed Bin "
        "Faraj spoke. Planned Parenthood sued."
    )
    assert {"Murshed Khaleq", "Alwaleed Bin Faraj"} <= set(people)
    assert "Planned Parenthood" not in people


def test_the_word_before_a_name_counts_only_in_its_sentence_and_a_run_opening_with_the() -> None:
    people = _people(
        "Hamamoto went to third. Haruna Sakamuro was walked. Verity Longbotham bunted out. The Hawker Hunter "
        "crashed into a road. In the seventh, Yamada hit a triple, and right fielder Kawano was thrown out."
    )
    assert {"Haruna Sakamuro", "Verity Longbotham", "Yamada", "Kawano"} <= set(people)
    assert "Hawker Hunter" not in people
    assert people["Kawano"] == "fielder"


def test_a_sound_and_a_factor_end_the_names_of_places_and_shows() -> None:
    assert not _people("She ran in Parry Sound. He appeared on The O'Reilly Factor.")


def test_a_sentence_opener_before_a_one_word_name_is_no_evidence_against_it() -> None:
    people = _people("It rained. But Kelly was relentless, and she said so. In the end, Kelly won.")
    assert "Kelly" in people


def test_a_play_names_a_player_even_at_a_sentence_start() -> None:
    people = _people("Chelsea Forkin made a base hit, scoring Porter. Stevensen got a hit to load the bases.")
    assert "Stevensen" in people


def test_a_demonym_before_any_name_is_no_part_of_it() -> None:
    people = _people("Massie used to support fellow Kentuckian Rand Lowell, he said. The two Super Bowls drew fans.")
    assert set(people) == {"Rand Lowell"}


def test_roles_from_a_nationals_man_a_role_noun_set_off_by_a_comma_and_a_capitalised_office() -> None:
    people = _people(
        "The Dutchman Ruud van Dorsten scored. He lived with his daughter, Leah Justine, in town. Alex "
        "Salmondson, First Minister of the region, spoke."
    )
    assert people["Ruud van Dorsten"] == "Dutchman"
    assert people["Leah Justine"] == "daughter"
    assert people["Alex Salmondson"] == "First Minister of the region"


def test_a_famous_surname_that_speaks_is_not_taken_for_the_famous_figure() -> None:
    people = _people("The council met on Monday. Later, Carter said the plan would work, and what Obama did was cited.")
    assert "Obama" in people
    assert "Carter" not in people
