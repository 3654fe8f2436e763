"""Word lists the rule-based analyzer relies on (English news usage).

Kept as plain frozensets so importing them is instant; nothing here is specific to one article.
"""

from __future__ import annotations

from reader.analysis import known_outlets


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _inflect(stems: str) -> frozenset[str]:
    """Regular verb forms: ``explain`` gives explain, explains, explained, explaining."""
    forms: set[str] = set()
    for stem in stems.split():
        base = stem[:-1] if stem.endswith("e") else stem
        forms.update({stem, stem + "s", base + "ed", base + "ing"})
        if stem.endswith("y") and stem[-2] not in "aeiou":
            forms.update({stem[:-1] + "ies", stem[:-1] + "ied"})
    return frozenset(forms)


# Verbs that introduce reported speech. Irregular forms are listed; regular ones are inflected.
REPORTING_VERBS = (
    _words(
        "say says said saying tell tells told telling write writes wrote written writing "
        "speak speaks spoke tweet tweets tweeted tweeting quip quips quipped quipping "
        "admit admits admitted admitting dub dubs dubbed dubbing put puts"
    )
    | _inflect(
        "add explain comment insist warn state note observe claim argue assert announce declare "
        "concede conclude reply respond report recall ask describe call characterize characterise "
        "reason acknowledge suggest confirm deny urge recount continue agree complain stress "
        "emphasize emphasise mention remark reveal predict promise repeat vow exclaim shout theorize theorise "
        "whisper joke lament boast caution contend maintain testify allege post "
        "retort echo scoff muse concur rebut clarify elaborate interject pledge defend cite counter "
        "answer beam sigh laugh yell chant wonder scream"
    )
) - frozenset(
    {
        "putting",
        "posting",
        "posted",
        "posts",
        "post",
        "continue",
        "continues",
        "continuing",
        "call",
        "calls",
        "calling",
        "ask",
        "asks",
        "asking",
        "adding",
        "mentioning",
        "continued",
        "state",
        "states",
        "note",
        "notes",
        "noting",
        "report",
        "reports",
        "counter",
        "cite",
    }
)
# Verbs that take their speaker after "by" ("described by X as", "quoted by X"): a leading cue then.
BY_VERBS = frozenset(
    {"described", "quoted", "called", "dubbed", "characterized", "characterised", "labeled", "labelled", "branded"}
    | {"asked"}  # "Roe was asked by the host, "...?"": the host asks
)
# Verbs that report only with a channel after them ("posted on Twitter", "posted:").
CHANNEL_VERBS = frozenset({"posted", "posting", "posts", "wrote", "writing"})
# Nouns that are also verb forms above but mostly nouns in news text: only used as verbs after a subject.
REPORTING_NOUN_LIKE = frozenset(
    {"note", "notes", "report", "reports", "state", "states", "post", "posts", "call", "calls"}
)

# Cues whose speaker follows them.
LEADING_CUES = ("according to", "in the words of", "quoting", "as quoted by", "reported by", "said by")

# Verbs that make an organisation a cited source ("X reported", "X notes", "X data").
SOURCE_VERBS = _words("say says said told tells tell wrote writes") | _inflect(
    "report explain note observe state announce conclude reveal assert describe claim confirm estimate publish warn"
)

TITLES = _words(
    "Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Professor Sir Dame Lord Lady President Vice Prime Minister "
    "Secretary Senator Sen Sen. Rep Rep. Representative Governor Gov Gov. Mayor General Gen Gen. Colonel Col Col. "
    "Major Maj Captain Capt Capt. Lieutenant Lt Lt. Sergeant Sgt Sgt. Admiral Commander Chief Judge Justice King Queen "
    "Prince Princess Pope Father Rev Rev. Reverend Bishop Cardinal Archbishop Rabbi Imam Sheikh Ambassador "
    "Chancellor Premier Speaker Chairman Chairwoman Chairperson Chair Director Executive CEO Deputy Assistant "
    "Undersecretary Under-Secretary Emeritus Senior Officer Detective Inspector Constable Superintendent Coach "
    "Saint St St. Former Acting Leader Spokesman Spokeswoman Spokesperson Co-founder Cofounder Founder QC SC MP "
    "Councillor Councilor Commissioner Attorney Mufti Ayatollah Marshal Corporal Private Brigadier "
    "Doctor Editor Counsel Cpl Cpl. Pres Pres. Supt Hon Hon. Administrator Treasurer Coordinator Curator "
    "Registrar Provost Secretary-General Director-General Governor-General Lieutenant-Governor Councilman "
    "Councilwoman Councilmember Congressman Congresswoman Assemblyman Assemblymember Alderwoman Selectman "
    "Selectwoman Supervisor Comptroller "
    "Assemblywoman Alderman Magistrate Sheriff Marshal Commandant Principal Headmaster Headmistress Whip "
    "Editor-in-Chief Emperor Empress Taoiseach Tánaiste"
)
# Titles that qualify another ("Former President"): alone they do not make the next word a name ("Former CNN anchor").
TITLE_MODIFIERS = _words("Former Acting Senior Vice Executive Emeritus Prime")  # "Prime Video" is no one
HONORIFICS = _words("Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Professor Sir Dame Lord Lady")
MALE_WORDS = _words("Mr Mr. Sir Lord King Prince Father he him his spokesman husband father son brother man boy")
FEMALE_WORDS = _words(
    "Mrs Mrs. Ms Ms. Miss Dame Lady Queen Princess she her spokeswoman wife mother daughter sister woman girl "
    "actress chairwoman"
)
# Nouns of kin that only a person has: "the mother of Trayvon Martin" (not plurals: "parents of Sandy Hook children").
KIN_WORDS = _words(
    "wife husband mother father son daughter brother sister widow widower family friend "
    "cousin nephew niece uncle aunt grandson granddaughter grandmother grandfather girlfriend boyfriend fiancé "
    "fiancée spouse"
)

# Lowercase nouns that, right before a capitalised name, say it is a person ("reporter Hanna Liubakova").
ROLE_NOUNS = _words(
    "reporter journalist correspondent coauthor co-author author researcher scientist professor president "
    "minister leader spokesman spokeswoman spokesperson official member coach captain defender goalkeeper "
    "striker midfielder forward player referee illustrator musician actor actress singer writer artist director "
    "chairman chairwoman founder co-founder cofounder lawyer attorney judge prosecutor senator governor mayor "
    "analyst economist doctor student teacher activist officer commander soldier general ambassador diplomat "
    "secretary undersecretary manager executive editor photographer poet novelist historian expert resident "
    "victim witness chief head host presenter blogger candidate lawmaker legislator envoy negotiator priest "
    "pastor bishop engineer farmer worker nurse surgeon physician psychologist major veteran owner father "
    "mother son daughter wife husband brother sister uncle aunt grandmother grandfather cousin friend "
    "girlfriend boyfriend partner colleague deputy aide adviser advisor councillor councilor commissioner "
    "detective inspector sheriff constable representative lecturer dean principal chancellor pilot driver "
    "rapper comedian filmmaker producer designer architect entrepreneur businessman businesswoman banker "
    "investor chef athlete runner cyclist swimmer boxer wrestler footballer cricketer batsman bowler "
    "quarterback pitcher cosplayer homeopath scientologist vice-president premier strategist pollster "
    "economist theologian imam rabbi monk nun survivor refugee migrant protester organiser organizer "
    "campaigner volunteer inventor scholar expert sergeant lieutenant colonel admiral marshal "
    "child boy girl man woman teenager administrator treasurer coordinator curator registrar congressman "
    "congresswoman councilman councilwoman assemblyman magistrate headmaster headmistress "
    "commentator columnist consultant operative donor supporter publisher anchor entertainer billionaire mogul "
    "tycoon philanthropist fundraiser lobbyist nominee contender challenger incumbent frontrunner hopeful rival "
    "ally critic opponent "
    # more occupations news puts before a name ("Egyptian archaeologist Omar Tawfiq", "barrister Colin Yeo")
    "archaeologist anthropologist sociologist biologist chemist physicist astronomer astrophysicist geologist "
    "meteorologist climatologist oceanographer seismologist volcanologist glaciologist ecologist zoologist "
    "botanist entomologist paleontologist mathematician statistician philosopher linguist epidemiologist "
    "virologist immunologist neuroscientist geneticist biochemist psychiatrist therapist dentist pharmacist "
    "paramedic midwife veterinarian nutritionist barrister solicitor investigator astronaut cosmonaut "
    "explorer mountaineer sailor golfer skier skater gymnast sprinter marathoner jockey racer rider rower "
    "linebacker cornerback defenseman winger goalie keeper cartoonist animator painter sculptor composer "
    "conductor pianist violinist guitarist drummer bassist vocalist songwriter singer-songwriter dancer "
    "choreographer playwright screenwriter newscaster broadcaster newsreader podcaster influencer pundit essayist "
    "biographer librarian shopkeeper fisherman fisherwoman "
    "archivist rector vicar cleric preacher evangelist missionary accountant trader stockbroker bartender "
    "firefighter policeman policewoman trooper inmate prisoner hostage defendant plaintiff suspect "
    "eyewitness passenger motorist pedestrian villager neighbour neighbor grandson granddaughter nephew niece "
    "fiancé fiancée widow widower spouse politician dictator monarch emperor sultan emir delegate staffer "
    "mediator regulator ombudsman supervisor employee intern pupil graduate researcher boss defector "
    "youngster teammate dissident convict environmentalist co-owner specialist fielder outfielder infielder "
    "catcher batter shortstop champion winner laureate finalist contestant medallist medalist runner-up "
    "kicker punter placekicker fullback halfback tailback wingback lineman playmaker substitute skipper"
)

# Lowercase words after which a capitalised run names a thing, not a person ("novel Angel Catbird").
THING_NOUNS = _words(
    "novel book film movie album song game series show website site magazine newspaper ship boat robot brand "
    "program programme app hashtag character outfit costume campaign operation project painting play track "
    "single episode documentary channel podcast blog vessel aircraft plane car model product company firm "
    "team band group party festival event hurricane storm typhoon cyclone virus disease law act bill treaty "
    "the a an this that these those his her their its our my your new old first second third own "
    "tournament competition cup league award prize exhibition school schools column newsletter cocktail drink "
    "beverage soda exhibit exhibits collection label dish journal"
)

DETERMINERS = _words("the a an this that these those his her their its our my your")

MONTHS = _words(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
DAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

NATIONALITIES = _words(
    "Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian Austrian "
    "Azerbaijani Bahraini Bangladeshi Belarusian Belgian Bolivian Bosnian Brazilian Brazillian British Bulgarian "
    "Burmese Cambodian Cameroonian Canadian Chadian Chilean Chinese Colombian Congolese Croatian Cuban Cypriot "
    "Czech Danish Dutch Ecuadorian Egyptian Emirati English Eritrean Estonian Ethiopian European Filipino Finnish "
    "French Gabonese Georgian German Ghanaian Greek Guatemalan Haitian Honduran Hungarian Icelandic Indian "
    "Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican Japanese Jordanian Kazakh Kenyan Korean "
    "Kosovar Kurdish Kuwaiti Kyrgyz Lao Latvian Lebanese Liberian Libyan Lithuanian Macedonian Malagasy Malaysian "
    "Malian Maltese Mexican Moldovan Mongolian Montenegrin Moroccan Mozambican Namibian Nepalese Nepali Nicaraguan "
    "Nigerian Nigerien Norwegian Pakistani Palestinian Panamanian Paraguayan Persian Peruvian Polish Portuguese "
    "Qatari Romanian Russian Rwandan Salvadoran Saudi Scottish Senegalese Serbian Singaporean Slovak Slovenian "
    "Somali Spanish Sudanese Swedish Swiss Syrian Taiwanese Tajik Tanzanian Thai Tibetan Tunisian Turkish Turkmen "
    "Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean Arab Asian African "
    "Latin Western Eastern Northern Southern Muslim Christian Jewish Catholic Protestant Buddhist Hindu Sikh "
    "Islamic Orthodox Sunni Shia Shiite Kurd Rohingya Bangladeshis Belarusians Ukrainians Russians Americans "
    "Europeans Muslims Christians Jews Catholics Democrat Democratic Republican Conservative Liberal Labour "
    "Socialist Communist Green Maori Aboriginal Indigenous Soviet Ottoman Roman Greek Gulf Balkan Nordic "
    "Scandinavian Caribbean Pacific Atlantic Mediterranean Baltic Slavic Hispanic Latino Anglo Sino Franco "
    "Texan Californian Floridian Parisian Londoner Muscovite"
)

PLACES = _words(
    "Afghanistan Albania Algeria America Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahrain "
    "Bangladesh Belarus Belgium Bolivia Bosnia Brazil Britain Bulgaria Burma Cambodia Cameroon Canada Chad Chile "
    "China Colombia Congo Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt England Eritrea Estonia Ethiopia "
    "Europe Finland France Gabon Georgia Germany Ghana Greece Guatemala Haiti Honduras Hungary Iceland India "
    "Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Laos "
    "Latvia Lebanon Liberia Libya Lithuania Macedonia Madagascar Malaysia Mali Malta Mexico Moldova Mongolia "
    "Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan "
    "Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Salvador Saudi Arabia "
    "Scotland Senegal Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan "
    "Tajikistan Tanzania Thailand Tibet Tunisia Turkey Turkmenistan Uganda Ukraine Uruguay Uzbekistan Venezuela "
    "Vietnam Wales Yemen Zambia Zimbabwe Africa Asia Antarctica Arctic Oceania Caucasus Balkans Crimea Donbas "
    "Gaza Kashmir Kurdistan Sahara Sahel Siberia Zealand Hong Kong Macau Mecca Medina Kabul Herat Baghdad "
    "Tehran Moscow Kyiv Kiev Minsk Warsaw Berlin Paris London Rome Madrid Lisbon Vienna Prague Budapest Athens "
    "Istanbul Ankara Cairo Beirut Damascus Jerusalem Riyadh Dubai Doha Delhi Mumbai Karachi Islamabad Dhaka "
    "Beijing Shanghai Tokyo Seoul Pyongyang Taipei Manila Jakarta Bangkok Hanoi Sydney Melbourne Canberra Perth "
    "Brisbane Adelaide Auckland Wellington Christchurch Toronto Ottawa Montreal Vancouver Washington Chicago "
    "Boston Houston Dallas Texas California Florida Oregon Ohio Virginia Carolina Arizona Nevada Utah Colorado "
    "Michigan Illinois Pennsylvania Massachusetts Jersey York Los Angeles San Francisco Seattle Atlanta Miami "
    "Detroit Denver Phoenix Philadelphia Baltimore  "
    "Iowa Hampshire Kentucky Tennessee Missouri Minnesota Wisconsin Nebraska Oklahoma Arkansas Louisiana "
    "Mississippi Alabama Idaho Wyoming Dakota Connecticut Delaware Maryland Moines Vermont Maine Montana Kansas "
    "Indiana "
    "Lombardy Tuscany Ontario Quebec Alberta Manitoba "
    "Mexico Geneva Brussels Amsterdam Stockholm Oslo Helsinki Copenhagen Dublin Edinburgh Glasgow Manchester "
    "Liverpool Birmingham Nairobi Lagos Johannesburg Pretoria Kinshasa Khartoum Tripoli Tunis Algiers Rabat "
    "Ukraine's Russia's UK US USA U.S. U.K. UAE EU USSR Europe's America's South North East West Central Upper "
    "Lower New Old Greater Mount Lake River Island Islands Valley Mountain View Gulf Bay Strait Peninsula "
    "Vegas Orleans Queensland Victoria Tasmania NSW Wales Hawaii Alaska Kent Essex Yorkshire "
    "Cornwall Normandy Bavaria Catalonia Andalusia Sicily Sardinia Crete Cyprus Malta Balochistan Punjab "
    "Bengal Kerala Gujarat Kyoto Osaka Okinawa Hokkaido Gyeonggi Busan Incheon Mindanao Luzon Sumatra Java "
    "Bali Borneo Papua Fiji Samoa Tonga Guam Greenland Siberia Chechnya Dagestan Abkhazia Ossetia Transnistria "
    # more cities that news datelines and sport reports name (not those that are given names or surnames)
    "Munich Milan Turin Naples Barcelona Seville Lyon Marseille Bordeaux Toulouse Hamburg Frankfurt Cologne "
    "Dortmund Stuttgart Leipzig Zurich Basel Porto Krakow Gdansk Kharkiv Odesa Odessa Lviv Rotterdam Antwerp "
    "Lahore Kolkata Chennai Bangalore Hyderabad Nagoya Fukushima Sendai Hiroshima Nagasaki Shenzhen Guangzhou "
    "Wuhan Chongqing Chengdu Nanjing Tianjin Kathmandu Colombo Yangon Mogadishu Dakar Accra Abuja Kampala "
    "Kigali Harare Lusaka Luanda Maputo Casablanca Marrakesh Haifa Ramallah Amman Sanaa Muscat Basra Mosul "
    "Aleppo Homs Tabriz Mashhad Isfahan Kandahar Peshawar Quetta Tashkent Almaty Astana Baku Tbilisi Yerevan "
    "Bogota Quito Caracas Havana Montevideo Brasilia Recife Monterrey Guadalajara Tijuana Calgary Edmonton "
    "Winnipeg Anchorage Honolulu Sacramento Nashville Memphis Pittsburgh Cincinnati Milwaukee Minneapolis "
    "Omaha Tulsa Albuquerque Tucson Tampa Jacksonville Kalimantan Sulawesi Alexandria Benghazi Mumbai Cleveland "
    # states and provinces of India and China, which news names without a country
    "Pradesh Nadu Odisha Orissa Bihar Assam Maharashtra Karnataka Rajasthan Sichuan Guangdong Hubei Hunan Yunnan "
    "Xinjiang Henan Hebei Shandong Zhejiang Jiangsu Fujian Guangxi Shaanxi Shanxi Gansu Jilin Liaoning "
    "Heilongjiang Anhui Jiangxi Hainan Guizhou Qinghai Ningxia"
)

# Words that make a capitalised run an organisation (or a place/thing that is not a person).
ORG_WORDS = _words(
    "Ministry Department Authority Agency Council Committee Commission Organisation Organization House "
    "Institute University College School Foundation Association Union Party Church Police Office Court Bank "
    "Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC Company Co. Group Army Navy Force Forces Troops Board Centre "
    "Center Society Club Federation League Battalion Brigade Regiment Movement Front Network News Times Post "
    "Herald Journal Gazette Tribune Press Radio Television TV Broadcasting Magazine Review Daily Weekly "
    "Service Services Bureau Parliament Congress Senate Assembly Government Administration Hospital Museum "
    "Library Stadium Arena Hall Station Airport Street Road Avenue Square Park Bridge Mosque Cathedral Memorial "
    "Festival Fair Championship Championships Cup Award Awards Prize Project Program Programme Study Survey "
    "Report Act Day Games Olympics Olympic Legion Corps Wiki Studios Records Labs Systems Technologies Airlines "
    "Airways Motors Holdings Partners District Region Province State City County Base Land World Global "
    "International National United Federal Royal Supreme Republic Kingdom Empire Relations Alliance Coalition "
    "Council Institution Industries Enterprises Media Channel Online Org Operation Series Wars Games Challenge "
    "Olympiad Conference Summit Forum Convention Expo Exhibition Commission Tribunal Prison Jail Academy "
    "Seminary Temple Synagogue Chapel Abbey Palace Castle Tower Towers Building Plaza Mall Market Hotel "
    "Restaurant Cafe Theatre Theater Cinema Gallery Zoo Garden Gardens Beach Port Harbour Harbor Highway "
    "Boulevard Lane Drive Way Terrace Estate Estates Village Town Hills Heights Falls Springs Unit Units "
    "Division Squad Regiment Fleet Guard Guards Mission Embassy Consulate Department's Lab Laboratory "
    "Laboratories Trust Fund Funds Bank's Exchange Stock Index Treasury Reserve Commission's Standards "
    "Protection Environment Environmental Health Education Justice Defense Defence Security Affairs "
    "Intelligence Energy Agriculture Labor Labour Commerce Interior Finance Transport Transportation "
    "Development Research Science Sciences Technology Medicine Medical Nutrition Control Disorders Management "
    "Information Enforcement Emergency Civil Public Social Community Communities Workers Muslim Students Student "
    "Association's Independent Man Watch Rights "
    "Wikinews Wikipedia Internet Web Google Microsoft Apple Facebook Twitter YouTube Amazon"
)

# Name-final words of news outlets, and known outlets whose names do not end in one.
OUTLET_WORDS = _words(
    "News Times Post Herald Journal Gazette Tribune Press Weekly Daily Magazine Radio Television TV Broadcasting "
    "Telegraph Guardian Observer Independent Chronicle Examiner Inquirer Star Sun Mirror Express Standard "
    "Monitor Globe Economist Review Record Bulletin Courier Dispatch Register Sentinel Reporter Wire"
)
KNOWN_OUTLETS = known_outlets.KNOWN_OUTLETS  # listed in known_outlets.py
OUTLET_NOUNS = _words("newspaper magazine broadcaster daily weekly tabloid outlet website channel station agency")
OUTLET_AFTER = _words("television radio newspaper broadcaster daily magazine website channel station")

# Documents that carry their issuer's words: "the report states", '" said a statement from the ministry'.
DOCUMENT_NOUNS = _words(
    "report resolution assessment statement letter study memo document survey declaration communique communiqué "
    "email e-mail note message release notice warning post tweet advisory bulletin announcement"
)
DOCUMENT_NOUNS_PATTERN = "|".join(sorted(DOCUMENT_NOUNS, key=lambda w: (-len(w), w)))  # longest first
DOCUMENT_WORDS = _words("Study Survey Report Wiki Census Index Review Paper Papers Files Leaks Archive Data")

# Capitalised words that start sentences or headings but never begin a name.
STOP_CAPS = _words(
    "The A An This That These Those It Its He She They We I You His Her Their Our My Your Who What When Where "
    "Why How Which There Here Some Many Most All Both Each Every Any No Not None One Two Three Four Five Six "
    "Seven Eight Nine Ten Several Other Another Such As At By For From In Into Of On Onto Over Under Up Down "
    "Out Off To With Without Within After Before Since Until While During Despite Although Though Because If "
    "Unless Whether And But Or Nor So Yet Also Then Than Thus However Meanwhile Moreover Furthermore Instead "
    "Still Even Just Only Already Again Yesterday Today Tomorrow Tonight Last Next Earlier Later Recently "
    "Currently Now Once According Speaking Asked Asking Citing Following Given Like Unlike Among Between "
    "Against Around Across Along Behind Beyond Near Through Throughout Toward Towards Upon Via Per Whereas "
    "Allegedly Reportedly Apparently Finally Eventually Initially Originally Meanwhile Overall Indeed Perhaps "
    "Maybe Yes Luckily Unfortunately Fortunately Sadly Hopefully Clearly Obviously Basically Usually Often "
    "Sometimes Never Always Everyone Everybody Someone Somebody Anyone Nobody Nothing Something Everything "
    "Mr Mrs Ms Dr Professor President Minister Crown Police Government Court State Church Sea Flag Internet "
    "Web Man Men Women Woman People Person Group Team Players Fans Critics Officials Members Posts Photos "
    "Images Results Requests Names Voters Teams Estimates Researchers Scientists Authorities Sources Reports "
    "Traffic Gameplay Volunteer Colorful Local Started Wait Both Psychology Executive Co-founder Emeritus "
    "Senior Undersecretary Secretary Environment Protection Category Categories Sources Related Share "
    "Twitter Facebook "
    # auxiliaries and verbs that open questions and headlines ("Had Sanders won", "Says Clinton would")
    "Had Can Could Would Should Was Were Is Are Did Does Do Has Have Says Neither Besides Outside Takes See "
    "Whatever Wherever Whenever Whoever However "
    "God Allah Jesus Christ Bible Koran Quran Hajj Ramadan Eid Lent Halloween Thanksgiving "
    ""
)

PRONOUNS_MALE = _words("he He him his")
PRONOUNS_FEMALE = _words("she She her")
