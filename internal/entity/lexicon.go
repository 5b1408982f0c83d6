package entity

import "strings"

// Hand-written lexicons of plain facts (place names, outlet names, titles).
// They feed the tagger as features, so a list never decides a label on its
// own except where a rule says so (outlets, titles). One entry a line or
// separated by "|"; matching is case-insensitive over tokens.

// Lexicon classes, a bit each.
const (
	lexFirst   = 1 << iota // common given names
	lexLoc                 // countries, states, cities, regions
	lexOrg                 // well-known organisations
	lexMedia               // news outlets
	lexTitle               // titles and roles that precede a name
	lexNat                 // nationalities and demonyms
	lexOrgEnd              // words that end organisation names
	lexCal                 // months and weekdays: capitalised, never names
	lexLower               // function words that are never part of a name at a sentence start
	lexCountry             // countries: a national side stays a place (CoNLL's convention)
	numLex     = iota
)

const firstNames = `james|john|robert|michael|william|david|richard|joseph|thomas|charles|christopher|daniel|matthew|anthony|mark|donald|steven|paul|andrew|joshua|kenneth|kevin|brian|george|timothy|ronald|edward|jason|jeffrey|jeff|ryan|jacob|gary|nicholas|eric|jonathan|stephen|larry|justin|scott|brandon|benjamin|samuel|gregory|alexander|frank|patrick|raymond|jack|dennis|jerry|tyler|aaron|jose|adam|nathan|henry|douglas|zachary|peter|kyle|walter|ethan|jeremy|harold|keith|christian|roger|noah|gerald|carl|terry|sean|austin|arthur|lawrence|jesse|dylan|bryan|joe|jordan|billy|bruce|albert|willie|gabriel|logan|alan|juan|wayne|roy|ralph|randy|eugene|vincent|russell|elijah|louis|bobby|philip|phil|johnny|bill|bob|tom|tony|mike|jim|dan|dave|steve|chris|nick|ben|sam|alex|andy|pete|ted|ed|don|rex|sergey|sergei|vladimir|dmitry|boris|igor|ivan|nikolai|mikhail|yuri|alexei|hans|klaus|jurgen|helmut|wolfgang|franz|karl|pierre|jacques|jean|francois|michel|philippe|alain|carlos|luis|miguel|jorge|pedro|manuel|antonio|francisco|giuseppe|giovanni|marco|luca|paolo|mario|ahmed|mohammed|mohamed|ali|hassan|hussein|omar|abdul|yasser|benjamin|shimon|yitzhak|ariel|li|wang|zhang|liu|chen|hiroshi|takeshi|kenji|nelson|kofi|boutros|helmut|mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|nancy|lisa|betty|margaret|sandra|ashley|kimberly|emily|donna|michelle|dorothy|carol|amanda|melissa|deborah|stephanie|rebecca|sharon|laura|cynthia|kathleen|amy|shirley|angela|helen|anna|brenda|pamela|nicole|emma|samantha|katherine|christine|debra|rachel|catherine|carolyn|janet|ruth|maria|heather|diane|virginia|julie|joyce|victoria|olivia|kelly|christina|lauren|joan|evelyn|judith|megan|cheryl|andrea|hannah|martha|jacqueline|frances|gloria|ann|teresa|kathryn|sara|janice|jean|alice|madison|doris|abigail|julia|judy|grace|denise|amber|marilyn|beverly|danielle|theresa|sophia|marie|diana|brittany|natalie|isabella|charlotte|rose|alexis|kayla|hillary|monica|madeleine|condoleezza|nicola|theresa|angela|marine|ségolène|steffi|martina|monica|venus|serena|arantxa|conchita|gabriela|jana|mary|anke|iva|magdalena|amanda|lindsay|pete|andre|boris|stefan|goran|thomas|yevgeny|marcelo|carlos|albert|greg|tim|todd|jim|wally|ernie|nick|colin|ian|graham|nigel|alastair|gordon|tony|neil|derek|trevor|clive|alec|kurt|rudolf|fidel|raul|hugo|evo|dilma|luiz|jair|mauricio|recep|bashar|hafez|saddam|muammar|hosni|anwar|gamal|kim|shinzo|xi|jiang|deng|mao|narendra|rahul|sonia|atal|imran|nawaz|benazir|pervez|ashraf|hamid|mahmoud|yasser|binyamin|ehud|silvio|romano|matteo|emmanuel|nicolas|jacques|francois|lionel|gerhard|angela|olaf|jens|lars|anders|olof|per|bjorn|sven|ingrid|kristin|mette|recep|ahmet|kemal|tayyip|petro|viktor|leonid|dmitri|mikheil|alexander|aleksandr|lech|andrzej|vaclav|milos|slobodan|franjo|alija|radovan|ratko|zoran|ivica|jose|mariano|felipe|pedro|pablo|diego|javier|sergio|fernando|rafael|roberto|ricardo|eduardo|alberto|enrique|gustavo|oscar|ruben|hector|jesus|alejandro`

const countries = `afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|herzegovina|bosnia and herzegovina|botswana|brazil|brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|canada|cape verde|chad|chile|china|colombia|comoros|congo|costa rica|croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|dominica|dominican republic|ecuador|egypt|el salvador|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|grenada|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kiribati|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|macedonia|madagascar|malawi|malaysia|maldives|mali|malta|mauritania|mauritius|mexico|micronesia|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|burma|namibia|nauru|nepal|netherlands|holland|new zealand|nicaragua|niger|nigeria|north korea|norway|oman|pakistan|palau|palestine|panama|papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|samoa|san marino|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|somalia|south africa|south korea|korea|south sudan|spain|sri lanka|sudan|suriname|swaziland|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|trinidad|tobago|tunisia|turkey|turkmenistan|tuvalu|uganda|ukraine|united arab emirates|uae|united kingdom|uk|britain|great britain|england|scotland|wales|northern ireland|united states|us|usa|u.s.|u.s.a.|america|uruguay|uzbekistan|vanuatu|vatican|venezuela|vietnam|yemen|zambia|zimbabwe|yugoslavia|zaire|soviet union|ussr|chechnya|tibet|hong kong|macau|gaza|west bank|kashmir|kurdistan|puerto rico|greenland|scandinavia|siberia|crimea`

const locations = `alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|ontario|quebec|british columbia|alberta|manitoba|nova scotia|bavaria|catalonia|andalusia|lombardy|sicily|sardinia|corsica|normandy|brittany|provence|tuscany|punjab|bengal|kerala|sindh|xinjiang|guangdong|queensland|tasmania|victoria|new south wales|
africa|asia|europe|antarctica|oceania|north america|south america|latin america|central america|middle east|east asia|southeast asia|south asia|central asia|eastern europe|western europe|balkans|caribbean|pacific|atlantic|mediterranean|baltic|arctic|persian gulf|gulf|red sea|black sea|caspian|north sea|sahara|himalayas|alps|amazon|nile|danube|rhine|thames|mississippi|yangtze|
london|paris|berlin|madrid|rome|moscow|beijing|tokyo|washington|new york|los angeles|chicago|houston|philadelphia|phoenix|boston|dallas|atlanta|miami|seattle|denver|detroit|san francisco|san diego|las vegas|baltimore|cleveland|pittsburgh|st. louis|new orleans|minneapolis|cincinnati|milwaukee|nashville|memphis|portland|sacramento|orlando|tampa|toronto|montreal|vancouver|ottawa|mexico city|havana|bogota|lima|caracas|santiago|buenos aires|sao paulo|rio de janeiro|brasilia|montevideo|quito|la paz|asuncion|dublin|belfast|edinburgh|glasgow|manchester|liverpool|birmingham|leeds|sheffield|bristol|cardiff|brussels|amsterdam|rotterdam|the hague|antwerp|luxembourg|geneva|zurich|bern|vienna|prague|budapest|warsaw|bratislava|bucharest|sofia|belgrade|zagreb|sarajevo|ljubljana|skopje|tirana|athens|istanbul|ankara|nicosia|lisbon|barcelona|valencia|seville|milan|naples|turin|florence|venice|munich|frankfurt|hamburg|cologne|bonn|stuttgart|dusseldorf|leipzig|dresden|copenhagen|oslo|stockholm|helsinki|reykjavik|tallinn|riga|vilnius|minsk|kiev|kyiv|st petersburg|st. petersburg|grozny|tbilisi|yerevan|baku|tehran|baghdad|damascus|beirut|amman|jerusalem|tel aviv|riyadh|jeddah|mecca|dubai|abu dhabi|doha|kuwait city|muscat|sanaa|kabul|islamabad|karachi|lahore|new delhi|delhi|mumbai|bombay|calcutta|kolkata|madras|chennai|bangalore|dhaka|colombo|kathmandu|bangkok|hanoi|ho chi minh city|saigon|phnom penh|vientiane|rangoon|yangon|kuala lumpur|jakarta|manila|seoul|pyongyang|shanghai|hong kong|taipei|canton|guangzhou|shenzhen|osaka|kyoto|sydney|melbourne|brisbane|perth|adelaide|canberra|auckland|wellington|cairo|alexandria|tripoli|tunis|algiers|rabat|casablanca|khartoum|addis ababa|nairobi|mogadishu|kampala|kigali|kinshasa|lagos|abuja|accra|dakar|abidjan|johannesburg|pretoria|cape town|durban|harare|lusaka|luanda|maputo|windhoek`

const orgs = `united nations|un|u.n.|osce|oecd|asean|apec|g7|g8|g20|mercosur|comecon|efta|unhcr|unctad|iaea||nato|european union|eu|fbi|cia|nsa|pentagon|congress|senate|house of representatives|supreme court|white house|kremlin|state department|justice department|department of justice|federal reserve|fed|imf|international monetary fund|world bank|wto|world trade organisation|world trade organization|opec|who|world health organisation|world health organization|unicef|unesco|interpol|red cross|amnesty international|greenpeace|nasa|ira|plo|hamas|hezbollah|taliban|al qaeda|isis|republican party|democratic party|labour party|conservative party|bundesbank|bank of england|european commission|security council|general assembly|parliament|duma|knesset|fifa|uefa|ioc|nba|nfl|nhl|mlb|reuters|microsoft|apple|google|amazon|facebook|ibm|intel|general motors|ford|boeing|exxon|shell|bp|toyota|honda|sony|siemens|nestle|unilever|goldman sachs|morgan stanley|jp morgan|citigroup|hsbc|barclays|deutsche bank`

const outlets = `politico|the washington post|washington post|the new york times|new york times|the wall street journal|wall street journal|reuters|associated press|ap|afp|agence france-presse|agence france presse|bloomberg|bbc|bbc news|cnn|fox news|msnbc|nbc|nbc news|abc news|cbs news|npr|the guardian|guardian|the times|the sunday times|the telegraph|the daily telegraph|financial times|the financial times|the economist|the independent|daily mail|the daily mail|the sun|the observer|usa today|los angeles times|the los angeles times|chicago tribune|the boston globe|boston globe|the atlantic|the new yorker|time magazine|newsweek|axios|buzzfeed|buzzfeed news|the huffington post|huffington post|huffpost|breitbart|breitbart news|the hill|vox|slate|salon|al jazeera|al-jazeera|al-arabiya|al arabiya|xinhua|tass|interfax|itar-tass|ria novosti|kyodo|yonhap|dpa|ansa|efe|press trust of india|pti|le monde|le figaro|der spiegel|spiegel|bild|die welt|frankfurter allgemeine|el pais|corriere della sera|la repubblica|haaretz|the jerusalem post|jerusalem post|times of israel|the hindu|times of india|the times of india|firstpost|south china morning post|the straits times|straits times|the sydney morning herald|sydney morning herald|the globe and mail|globe and mail|toronto star|cnbc|sky news|itv news|channel 4 news|rt|russia today|sputnik|the daily beast|daily beast|mother jones|the nation|national review|the washington times|washington times|new york post|the new york post|new york daily news|the intercept|propublica|the wall st. journal|western journal|the western journal`

const titles = `president|vice president|vice-president|prime minister|deputy prime minister|minister|foreign minister|defence minister|defense minister|finance minister|interior minister|secretary|secretary of state|secretary-general|secretary general|attorney general|attorney-general|deputy attorney general|press secretary|chancellor|senator|sen.|sen|representative|rep.|congressman|congresswoman|governor|gov.|mayor|judge|justice|chief justice|ambassador|envoy|spokesman|spokeswoman|spokesperson|director|chairman|chairwoman|chair|chief executive|ceo|general|gen.|gen|colonel|col.|major|captain|capt.|lieutenant|admiral|adm.|adm|rear adm.|vice adm.|lt.|lt|sgt.|sgt|cmdr.|maj.|sergeant|commander|king|queen|prince|princess|duke|duchess|lord|lady|sir|dame|pope|cardinal|archbishop|bishop|rev.|reverend|father|rabbi|imam|sheikh|ayatollah|emir|sultan|dr.|dr|doctor|professor|prof.|mr.|mr|mrs.|mrs|ms.|ms|miss|counsel|white house counsel|adviser|advisor|aide|leader|speaker|coach|manager|striker|midfielder|defender|goalkeeper|captain|skipper|chief|officer|agent|inspector|detective|commissioner|chief of staff|national security adviser|advisor|diplomat|dictator|premier|president-elect|candidate|nominee|lawmaker|official|analyst|economist|trader|dealer|businessman|tycoon|billionaire|actor|actress|singer|director|producer|author|novelist|writer|journalist|reporter|columnist|editor|correspondent`

const nationalities = `american|americans|british|briton|britons|english|scottish|welsh|irish|french|german|germans|italian|italians|spanish|spaniard|portuguese|dutch|belgian|swiss|austrian|swedish|swede|norwegian|danish|finnish|icelandic|polish|czech|slovak|hungarian|romanian|bulgarian|greek|turkish|turk|turks|russian|russians|ukrainian|belarusian|serbian|serb|serbs|croatian|croat|croats|bosnian|muslim|muslims|christian|christians|jewish|jew|jews|catholic|protestant|albanian|macedonian|slovenian|estonian|latvian|lithuanian|georgian|armenian|azeri|kazakh|uzbek|afghan|afghans|pakistani|indian|indians|bangladeshi|sri lankan|nepalese|chinese|japanese|korean|koreans|vietnamese|thai|cambodian|burmese|malaysian|indonesian|filipino|australian|australians|kiwi|zealander|canadian|canadians|mexican|mexicans|cuban|cubans|brazilian|argentine|argentinian|chilean|peruvian|colombian|venezuelan|bolivian|ecuadorian|uruguayan|paraguayan|egyptian|libyan|tunisian|algerian|moroccan|sudanese|ethiopian|somali|kenyan|ugandan|nigerian|ghanaian|south african|zimbabwean|zambian|angolan|congolese|rwandan|israeli|israelis|palestinian|palestinians|lebanese|syrian|syrians|jordanian|iraqi|iraqis|iranian|iranians|saudi|saudis|kuwaiti|yemeni|emirati|qatari|omani|kurdish|kurd|kurds|arab|arabs|arabic|persian|european|europeans|african|africans|asian|asians|latin|western|eastern|soviet|soviets|yugoslav|chechen|chechens|tamil|tamils|sikh|hindu|hindus|buddhist|shi'ite|shiite|sunni|islamic|democrat|democrats|republican|republicans|west indian|pakistanis`

const orgEnds = `inc|inc.|corp|corp.|corporation|co|co.|ltd|ltd.|plc|llc|group|holdings|bank|bancorp|university|college|institute|party|association|council|ministry|department|committee|commission|agency|authority|board|bureau|federation|union|league|club|fc|united|city|rovers|wanderers|athletic|county|foundation|fund|trust|society|organisation|organization|company|airlines|airways|motors|industries|international|partners|securities|capital|investments|energy|oil|petroleum|telecom|communications|systems|technologies|press|news|times|post|journal|herald|tribune|gazette|television|tv|radio|network|army|navy|force|forces|police|court|tribunal|parliament|assembly|congress|senate|front|movement|alliance|coalition|brigade|brigades|church|school|hospital|museum|exchange|service|services`

const calendar = `january|february|march|april|may|june|july|august|september|october|november|december|jan.|feb.|mar.|apr.|jun.|jul.|aug.|sep.|sept.|oct.|nov.|dec.|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|easter|ramadan`

const lowerWords = `the|a|an|and|or|but|if|in|on|at|to|for|of|with|by|from|as|is|was|are|were|be|been|it|its|he|she|they|we|you|i|his|her|their|our|this|that|these|those|there|here|what|who|when|where|why|how|not|no|yes|after|before|while|although|however|but|so|then|than|also|just|only|all|some|any|each|every|both|many|much|more|most|other|such|said|says|says|will|would|can|could|should|may|might|must|has|have|had|do|does|did|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|last|next|new|old|top|up|down|out|over|under|about|into|through|during|until|since|against|between|among|without|within|along|following|across|behind|beyond|plus|except|toward|towards|upon|via|per|rt|lol|omg|im|dont|cant|please|thanks|thank|happy|good|great|best|love|like|get|got|go|going|watch|read|see|check|follow|breaking|live|today|tonight|tomorrow|yesterday|now|still|even|never|ever`

type lexicon struct {
	word   table[uint16] // one-token entries and every token of a phrase
	phrase table[uint16] // whole phrases, keyed by phraseHash of their tokens
	maxLen int
}

var lex = buildLexicon()

// wordLex is what the lexicons say of one word alone: lex.word's classes
// and lex.phrase's entry for the one-word phrase.
type wordLex struct {
	word   uint16
	phrase uint16
	inLex  bool
}

// wordLexes answers both lookups of a new word type with one probe, keyed
// by the word's lowerHash. mix(phraseSeed, ·) is a bijection, so every key
// of lex.phrase is the one-word key of exactly one lower-case hash, which
// is entered here: any hash not entered is in neither table, and the
// answer is the same as the two lookups' for every word.
// TestWordLexes checks it.
var wordLexes = func() *table[wordLex] {
	// canonPhrase adds the well-known bodies to lex.phrase as it is
	// initialised; naming it makes this table wait for them.
	_ = canonPhrase
	t := &table[wordLex]{}
	t.reset(lex.word.n + lex.phrase.n)
	for _, sl := range lex.word.slots {
		if sl.used {
			t.at(sl.key).word = sl.val
		}
	}
	for _, sl := range lex.phrase.slots {
		if sl.used {
			e := t.at(unmix(phraseSeed, sl.key))
			e.phrase, e.inLex = sl.val, true
		}
	}
	// The lexicons are final too: nothing adds to them after
	// canonPhrase.
	lex.word.seal()
	lex.phrase.seal()
	t.seal()
	return t
}()

// unmix returns the b of mix(a, b) == h.
func unmix(a, h uint64) uint64 {
	h ^= h>>29 ^ h>>58
	h *= mixMulInverse
	h ^= h>>31 ^ h>>62
	return (h ^ a) - 0x9E3779B97F4A7C15 - (a << 6) - (a >> 2)
}

// mixMulInverse is the inverse of mix's multiplier modulo 2^64, by
// Newton's iteration (each step doubles the bits that are right).
var mixMulInverse = func() uint64 {
	const m = 0xBF58476D1CE4E5B9
	inv := uint64(m)
	for range 5 {
		inv *= 2 - m*inv
	}
	return inv
}()

func buildLexicon() *lexicon {
	l := &lexicon{}
	add := func(list string, class uint16) {
		for _, e := range strings.FieldsFunc(list, func(r rune) bool { return r == '|' || r == '\n' }) {
			var toks []token
			toks = tokenize(toks, e, 0, len(e))
			if len(toks) == 0 {
				continue
			}
			if len(toks) == 1 {
				*l.word.at(lowerHash(e[toks[0].start:toks[0].end])) |= class
			}
			l.addPhrase(e, toks, class)
		}
	}
	add(firstNames, lexFirst)
	add(countries, lexLoc|lexCountry)
	add(locations, lexLoc)
	add(orgs, lexOrg)
	add(outlets, lexMedia)
	add(titles, lexTitle)
	add(nationalities, lexNat)
	add(orgEnds, lexOrgEnd)
	add(calendar, lexCal)
	add(lowerWords, lexLower)
	return l
}

const phraseSeed = 0x51ed27

// Phrase-map bits above the lexicon classes: lexPrefix marks a proper
// prefix of some phrase, so a lookup can stop as soon as none continues;
// lexCanon marks a well-known body of canonicalOrg.
const (
	lexPrefix = 1 << 15
	lexCanon  = 1 << 14
)

func (l *lexicon) addPhrase(e string, toks []token, class uint16) uint64 {
	h := uint64(phraseSeed)
	for k, t := range toks {
		h = mix(h, lowerHash(e[t.start:t.end]))
		if k < len(toks)-1 {
			*l.phrase.at(h) |= lexPrefix
		}
	}
	*l.phrase.at(h) |= class
	l.maxLen = max(l.maxLen, len(toks))
	return h
}

// canonicalOrg names the organisations the document may write in lower
// case or in several forms; the key is the lowercased phrase.
var canonicalOrg = map[string]string{
	"justice department":         "Justice Department",
	"department of justice":      "Justice Department",
	"the justice department":     "Justice Department",
	"white house":                "White House",
	"state department":           "State Department",
	"department of state":        "State Department",
	"defense department":         "Defense Department",
	"department of defense":      "Defense Department",
	"pentagon":                   "Pentagon",
	"treasury department":        "Treasury Department",
	"department of the treasury": "Treasury Department",
	"supreme court":              "Supreme Court",
	"kremlin":                    "Kremlin",
	"fbi":                        "FBI",
	"cia":                        "CIA",
	"congress":                   "Congress",
	"senate":                     "Senate",
	// One group, spelt four ways; the tagger, which rarely saw the
	// hyphenated article, calls it a person as often as not.
	"al-qaeda": "al-Qaeda",
	"al-qaida": "al-Qaeda",
	"al qaeda": "al-Qaeda",
	"al qaida": "al-Qaeda",
}
