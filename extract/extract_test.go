package extract

import (
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/data"
	"github.com/actorgraph/actorgraph/schema"
	"github.com/google/go-cmp/cmp"
)

var (
	extractorOnce sync.Once
	extractor     *Extractor
	extractorErr  error
)

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	extractorOnce.Do(func() { extractor, extractorErr = New(data.FS) })
	if extractorErr != nil {
		t.Fatal(extractorErr)
	}
	return extractor
}

var markup = regexp.MustCompile(`\[\[([^|\]]+)\|([A-Za-z]+)\]\]`)

// parseCase turns "[[Mohammed Mohie|Person]], a spokesman for ..." into
// plain text and the types its marked names must get.
func parseCase(s string) (string, map[string]schema.EntityType) {
	types := map[string]schema.EntityType{}
	for _, m := range markup.FindAllStringSubmatch(s, -1) {
		types[m[1]] = schema.EntityType(m[2])
	}
	return markup.ReplaceAllString(s, "$1"), types
}

// fact is a statement as the tests write it: "subject predicate object".
func facts(ex schema.Extraction, direct bool) []string {
	var out []string
	for _, s := range ex.Statements {
		if s.Modality.Direct() == direct {
			out = append(out, s.Subject+" "+string(s.Predicate)+" "+s.Object)
		}
	}
	sort.Strings(out)
	return uniq(out)
}

func uniq(xs []string) []string {
	var out []string
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func TestPatterns(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name string
		text string
		want []string // direct edges that must be among the extraction's
		not  []string // direct edges that must not be
	}{
		{"apposition spokesman", "[[Mohammed Mohie|Person]], a spokesman for [[Kataib Hezbollah|ArmedGroup]], said the truce holds.",
			[]string{"mohammed-mohie spokespersonFor kataib-hezbollah"}, nil},
		{"apposition secretary-general", "The figure was given by [[Hadi al-Ameri|Person]], Secretary-General of the [[Badr Organization|ArmedGroup]].",
			[]string{"hadi-al-amiri leaderOf badr-organization"}, nil},
		{"title before name with demonym", "Iraqi Prime Minister [[Mohammed Shia al-Sudani|Person]] opened the talks.",
			[]string{"mohammed-shia-al-sudani leaderOf iraq"}, nil},
		{"head of a region", "[[Kurdistan Region|Location]] President [[Nechirvan Barzani|Person]] met the envoy. [[Baghdad|Location]] police chief [[Saad Maan|Person]] spoke.",
			[]string{"nechirvan-barzani leaderOf kurdistan-region"}, []string{"saad-maan leaderOf baghdad"}},
		{"post before honorifics", "Supreme Leader Ayatollah Seyed [[Ali Khamenei|Person]] spoke on Monday.",
			[]string{"ali-khamenei leaderOf iran"}, nil},
		{"counted descriptor", "Drones of the kind used by [[Kataib Hezbollah|ArmedGroup]] and [[Asaib Ahl al-Haq|ArmedGroup]] were found. Members of the two Iran-backed factions were seen.",
			[]string{"kataib-hezbollah backedBy iran", "asaib-ahl-al-haq backedBy iran"}, nil},
		{"count that does not match", "[[Kataib Hezbollah|ArmedGroup]] fighters were seen. Members of the two Iran-backed factions were seen.",
			nil, []string{"kataib-hezbollah backedBy iran"}},
		{"the group after an armed umbrella", "[[Islamic Resistance in Iraq|Coalition]] fighters fired rockets. The group claimed attacks on [[U.S.|Country]] bases.",
			[]string{"islamic-resistance-in-iraq attacked united-states"}, nil},
		{"umbrella named as what a group belongs to", "[[Harakat al-Nujaba|ArmedGroup]], another member of the [[Islamic Resistance in Iraq|Coalition]], vowed to go on. The group is led by [[Akram al-Kaabi|Person]].",
			[]string{"akram-al-kaabi leaderOf harakat-hezbollah-al-nujaba"}, []string{"akram-al-kaabi leaderOf islamic-resistance-in-iraq"}},
		{"context is the one before the sentence", "[[Kataib Hezbollah|ArmedGroup]] halted attacks. The statement, signed by its secretary-general [[Ahmad al-Hamidawi|Person]], was read out. Later the [[Islamic Resistance in Iraq|Coalition]] fired rockets.",
			[]string{"abu-hussein-al-hamidawi leaderOf kataib-hezbollah"}, []string{"abu-hussein-al-hamidawi leaderOf islamic-resistance-in-iraq"}},
		{"parenthetical with a list", "The [[Islamic Resistance in Iraq|Coalition]] ([[IRI|Coalition]]), a front that groups [[Kataib Hezbollah|ArmedGroup]], [[Harakat al-Nujaba|ArmedGroup]] and other militias, had claimed attacks on [[U.S.|Country]] bases.",
			[]string{"islamic-resistance-in-iraq attacked united-states", "kataib-hezbollah memberOf islamic-resistance-in-iraq"}, nil},
		{"leader of a backed group", "[[Qais al-Khazali|Person]], the leader of the Iran-backed [[Asaib Ahl al-Haq|ArmedGroup]], spoke.",
			[]string{"qais-al-khazali leaderOf asaib-ahl-al-haq"}, []string{"qais-al-khazali leaderOf iran"}},
		{"commander in a country", "General [[David Petraeus|Person]], the [[US|Country]] commander in [[Iraq|Country]], will report to Congress.",
			[]string{"david-petraeus officialOf united-states"}, []string{"david-petraeus officialOf iraq"}},
		{"security chief is an official", "[[Hussein Falih al-Lami|Person]], the security chief of the [[Popular Mobilization Forces|ArmedGroup]], was named.",
			[]string{"hussein-falih-al-lami officialOf popular-mobilization-forces"}, []string{"hussein-falih-al-lami leaderOf popular-mobilization-forces"}},
		{"title without its state", "President of the Republic [[Barham Salih|Person]] condemned the strikes.",
			[]string{"barham-salih leaderOf iraq"}, nil},
		{"chairman of a body", "[[Joint Chiefs|GovernmentBody]] Chairman [[Mark Milley|Person]] spoke.",
			[]string{"mark-milley leaderOf joint-chiefs-of-staff"}, nil},
		{"a person's own group", "[[Moqtada al-Sadr|Person]], the cleric, ordered his [[Mahdi Army|ArmedGroup]] militia to stand down.",
			[]string{"muqtada-al-sadr leaderOf mahdi-army"}, nil},
		{"ambassador to a host", "[[Iran|Country]]'s ambassador to [[Syria|Country]], [[Hossein Akbari|Person]], was unhurt.",
			[]string{"hossein-akbari officialOf iran"}, []string{"hossein-akbari officialOf syria"}},
		{"vowed that", "[[Ali Khamenei|Person]] vowed that [[Israel|Country]] \"will be punished.\"",
			[]string{"ali-khamenei threatened israel"}, nil},
		{"vowed to avenge", "[[Akram al-Kaabi|Person]] vowed to avenge [[Abu Baqir al-Saadi|Person]].",
			nil, []string{"akram-al-kaabi threatened abu-baqir-al-saadi"}},
		{"noun modifier is no verb", "The case concerned the murder of activist [[Ihab al-Wazni|Person]] and rocket attacks on [[Ain al-Asad Air Base|Facility]].",
			nil, []string{"ihab-al-wazni attacked ain-al-asad-air-base"}},
		{"bare head noun is no person", "The [[Peshmerga|ArmedGroup]] General Command accused the [[Patriotic Union of Kurdistan|ArmedGroup]] of treason.",
			[]string{"peshmerga accused patriotic-union-of-kurdistan"}, nil},
		{"where a warning was given", "[[Hossein Amir-Abdollahian|Person]] warned at the [[UN|InternationalOrganization]] that the [[US|Country]] would pay a heavy price.",
			[]string{"hossein-amir-abdollahian threatened united-states"}, []string{"hossein-amir-abdollahian threatened united-nations"}},
		{"a verb after the comma is no apposition", "Officials said [[Qasem Soleimani|Person]], had met [[PUK|ArmedGroup]] leaders in the city.",
			nil, []string{"qasem-soleimani leaderOf patriotic-union-of-kurdistan"}},
		{"the group the last sentence was about", "[[Kataib Hezbollah|ArmedGroup]], the most powerful of the Iran-backed factions, halted attacks. In a statement, the group's secretary-general, [[Abu Hussein al-Hamidawi|Person]], explained why.",
			[]string{"abu-hussein-al-hamidawi leaderOf kataib-hezbollah"}, nil},
		{"whose secretary-general", "[[Kataib Hezbollah|ArmedGroup]], whose secretary-general [[Akram al-Kaabi|Person]] is close to Tehran, vowed revenge.",
			[]string{"akram-al-kaabi leaderOf kataib-hezbollah"}, nil},
		{"spokesman for a head of government", "[[Yehia Rasool|Person]], the military spokesman for Prime Minister [[Mohammed Shia al-Sudani|Person]], spoke.",
			[]string{"yehia-rasool spokespersonFor iraq"}, nil},
		{"long title and honorifics before a comma", "The Prime Minister and Commander-in-Chief of the Armed Forces, His Excellency Mr. [[Mohammed Shia al-Sudani|Person]], announced the operation.",
			[]string{"mohammed-shia-al-sudani leaderOf iraq"}, nil},
		{"a spokesman's threat is the group's", "The [[Houthis|ArmedGroup]] were defiant. Its military spokesman, [[Yahya Saree|Person]], said the strikes failed, and warned that the [[US|Country]] would pay a heavy price.",
			[]string{"yahya-saree spokespersonFor houthis", "yahya-saree threatened united-states", "houthis threatened united-states"}, nil},
		{"counted weapons of the last attackers", "The [[US|Country]] and the [[UK|Country]] launched air strikes on the [[Houthis|ArmedGroup]]. A spokesman said 73 strikes had killed five of its fighters and wounded six others, and warned that the [[US|Country]] would pay.",
			[]string{"united-states killed houthis", "united-kingdom killed houthis"}, []string{"united-kingdom wounded united-states"}},
		{"truce agreed between", "A truce agreed in April 2022 between the [[Saudi-led coalition|Coalition]] and the [[Houthis|ArmedGroup]] has held.",
			[]string{"saudi-led-coalition truceWith houthis"}, nil},
		{"governor of a province", "The governor of [[Nineveh province|Location]], [[Atheel al-Nujaifi|Person]], who escaped from [[Mosul|Location]], its capital, urged calm.",
			[]string{"atheel-al-nujaifi leaderOf nineveh-governorate", "mosul locatedIn nineveh-governorate"}, nil},
		{"the Syrian capital", "The strike hit the Syrian capital.",
			[]string{"damascus locatedIn syria"}, nil},
		{"strikes inside a state's territory", "The Command condemned the American air strikes that targeted locations inside Iraqi territory. The statement said the strikes killed three members of the [[Iraqi army|GovernmentBody]].",
			[]string{"united-states attacked iraq", "united-states killed iraqi-security-forces"}, nil},
		{"the group is never a collective", "A group calling itself [[Saraya Awliya al-Dam|ArmedGroup]] claimed a rocket attack. In a statement posted on channels close to Iraqi militias, the group said its fighters had targeted American forces.",
			[]string{"saraya-awliya-al-dam attacked united-states"}, []string{"iran-backed-militias attacked united-states"}},
		{"the militia officials hold responsible", "[[Kataib Hezbollah|ArmedGroup]], the militia that [[U.S.|Country]] officials hold responsible for the drone strike on [[Tower 22|Facility]], paused attacks.",
			[]string{"united-states accused kataib-hezbollah"}, []string{"united-states struck tower-22"}},
		{"a state's base named after it", "[[Kataib Hezbollah|ArmedGroup]] says it has targeted the illegal [[US|Country]] base of [[al-Tanf|Location]] with drones.",
			[]string{"kataib-hezbollah attacked united-states", "kataib-hezbollah attacked tanf"}, nil},
		{"a leader's conditional threat", "Prime Minister [[Benjamin Netanyahu|Person]] said [[Israel|Country]] would strike hard if [[Hezbollah|ArmedGroup]] violated the terms.",
			[]string{"benjamin-netanyahu threatened hezbollah"}, nil},
		{"a group's conditional threat", "[[Kataib Hezbollah|ArmedGroup]] had warned that it would target [[US|Country]] interests if Washington joined the war.",
			[]string{"kataib-hezbollah threatened united-states"}, nil},
		{"an analyst's conditional is no threat", "Analysts said [[Israel|Country]] would strike [[Hezbollah|ArmedGroup]] if the talks failed.",
			nil, []string{"israel threatened hezbollah"}},
		{"accused and said", "President [[Donald Trump|Person]] accused [[Iran|Country]] of orchestrating the assault and said [[Tehran|Country]] would be held fully responsible.",
			[]string{"donald-trump threatened iran"}, nil},
		{"objects across an apposition", "A [[US|Country]] drone strike killed [[Qasem Soleimani|Person]], the commander of Iran's Quds Force, and [[Abu Mahdi al-Muhandis|Person]], the deputy chief of the PMF.",
			[]string{"united-states killed qasem-soleimani", "united-states killed abu-mahdi-al-muhandis"}, nil},
		{"bore the hallmarks of", "[[US|Country]] officials have said the strike bore the hallmarks of [[Kataib Hezbollah|ArmedGroup]].",
			[]string{"united-states accused kataib-hezbollah"}, nil},
		{"garrison and airmen", "About 350 American soldiers and airmen are deployed at [[Tower 22|Facility]]. The base supports the larger [[US|Country]] garrison at [[al-Tanf|Location]].",
			[]string{"united-states deployedIn tower-22", "united-states deployedIn tanf"}, nil},
		{"sent drones against", "[[Kataib Hezbollah|ArmedGroup]] said it had sent drones against several [[US|Country]] positions.",
			[]string{"kataib-hezbollah attacked united-states"}, nil},
		{"speaker of an assembly", "Speaker [[Mohammed al-Halbousi|Person]] read out the text.",
			[]string{"mohamed-al-halbousi leaderOf iraqi-parliament"}, nil},
		{"a resolution calling on", "Lawmakers met in [[Iraq|Country]] on Sunday. The [[Iraqi parliament|GovernmentBody]] passed a resolution calling on the government to expel foreign troops.",
			[]string{"iraqi-parliament demanded iraq"}, nil},
		{"two titled persons as subjects", "[[PMF|ArmedGroup]] chairman [[Falih al-Fayyadh|Person]] and [[Badr Organization|ArmedGroup]] leader [[Hadi al-Ameri|Person]] negotiated with [[Kadhimi|Person]] overnight.",
			[]string{"falih-al-fayyadh negotiatedWith mustafa-al-kadhimi", "hadi-al-amiri negotiatedWith mustafa-al-kadhimi"}, nil},
		{"parties of a symmetric verb", "[[Mustafa al-Kadhimi|Person]] and [[Joe Biden|Person]] met at the White House. [[Iran|Country]] and [[Saudi Arabia|Country]] agreed to restore ties.",
			[]string{"mustafa-al-kadhimi negotiatedWith joe-biden", "iran agreedWith saudi-arabia"}, nil},
		{"possessive apposition before the verb", "Grand Ayatollah [[Ali al-Sistani|Person]], [[Iraq|Country]]'s top Shiite cleric, then called on the [[Iraqi parliament|GovernmentBody]] to reconsider.",
			[]string{"ali-al-sistani demanded iraqi-parliament"}, []string{"iraq demanded iraqi-parliament"}},
		{"title with an acronym before the comma", "The head of the [[United Nations Assistance Mission for Iraq|InternationalOrganization]] (UNAMI), [[Jeanine Hennis-Plasschaert|Person]], condemned the attack.",
			[]string{"jeanine-hennis-plasschaert leaderOf united-nations-assistance-mission-for-iraq"}, nil},
		{"the country is not the relative clause's head", "Militias in [[Iraq|Country]] fired drones. Israel held back at the request of the [[United States|Country]], which still has some 2,500 troops in the country.",
			[]string{"united-states deployedIn iraq"}, nil},
		{"title of organisation before name", "[[Hezbollah|ArmedGroup]] leader [[Hassan Nasrallah|Person]] spoke from Beirut.",
			[]string{"hassan-nasrallah leaderOf hezbollah"}, nil},
		{"rank and demonym", "The strike killed top Iranian General [[Qasem Soleimani|Person]].",
			[]string{"qasem-soleimani officialOf iran"}, []string{"united-states killed iran"}},
		{"adviser to a head of government", "[[Farhad Alaaldin|Person]], foreign affairs adviser to the Iraqi prime minister, declined to comment.",
			[]string{"farhad-alaaldin officialOf iraq"}, nil},
		{"unknown person typed by apposition", "[[Abu Ali al-Askari|Person]], a spokesman for [[Kataib Hezbollah|ArmedGroup]], denied it.",
			[]string{"abu-ali-al-askari spokespersonFor kataib-hezbollah"}, nil},
		{"backed compound", "The attack was blamed on [[Iran|Country]]-backed militias.",
			[]string{"iran-backed-militias backedBy iran"}, nil},
		{"backer after the noun", "Washington suspects armed factions loyal to Tehran of the attacks.",
			[]string{"iran-backed-militias backedBy iran", "united-states accused iran-backed-militias"}, nil},
		{"descriptor apposition", "[[Kataib Hezbollah|ArmedGroup]], an Iran-backed militia, claimed the attack.",
			[]string{"kataib-hezbollah backedBy iran"}, nil},
		{"led compound", "Troops of the [[US-led coalition|Coalition]] left the base.",
			[]string{"united-states leaderOf us-led-coalition"}, nil},
		{"place comma", "The mission moved to [[Naples|Location]], [[Italy|Country]].",
			[]string{"naples locatedIn italy"}, nil},
		{"place in with adjectives", "Forces left the [[Ain al-Asad Air Base|Facility]] in the western [[Anbar province|Location]].",
			[]string{"ain-al-asad-air-base locatedIn anbar-governorate"}, nil},
		{"list of members", "The [[Coordinating Body of the Iraqi Resistance|Coalition]], said to include [[Kataib Hezbollah|ArmedGroup]] and [[Harakat al-Nujaba|ArmedGroup]], spoke.",
			[]string{"kataib-hezbollah memberOf coordinating-body-of-the-iraqi-resistance", "harakat-hezbollah-al-nujaba memberOf coordinating-body-of-the-iraqi-resistance"}, nil},
		{"demonym list of members", "The coalition, which included German, French and Italian troops, fought ISIS.",
			[]string{"germany memberOf us-led-coalition", "france memberOf us-led-coalition", "italy memberOf us-led-coalition"}, nil},
		{"passive with by-agent", "Three U.S. soldiers were killed by [[Iran|Country]]-backed militants in Jordan.",
			[]string{"iran-backed-militias killed united-states"}, []string{"united-states killed iran-backed-militias"}},
		{"passive in strikes", "Dozens of members of the [[Popular Mobilization Forces|ArmedGroup]] were killed in US-Israeli strikes.",
			[]string{"united-states killed popular-mobilization-forces", "israel killed popular-mobilization-forces", "united-states struck popular-mobilization-forces"}, nil},
		{"nominal attack with agent", "The talks follow attacks on the US embassy in Baghdad by pro-Iran factions.",
			[]string{"iran-backed-militias attacked us-embassy-in-baghdad", "us-embassy-in-baghdad locatedIn baghdad"}, nil},
		{"light verb strikes", "The U.S. conducted strikes on sites associated with [[Kataib Hezbollah|ArmedGroup]].",
			[]string{"united-states struck kataib-hezbollah"}, nil},
		{"talks between", "Talks between Baghdad and Washington began in January.",
			[]string{"iraq negotiatedWith united-states"}, nil},
		{"called on", "Iraq has called on the United States to reverse its decision.",
			[]string{"iraq demanded united-states"}, nil},
		{"withdrew from", "In 2011, American troops withdrew from Iraq.",
			[]string{"united-states withdrewFrom iraq"}, nil},
		{"troops in a place", "There are about 2,500 U.S. troops in Iraq and 900 in neighboring Syria.",
			[]string{"united-states deployedIn iraq", "united-states deployedIn syria"}, nil},
		{"truce by halting attacks", "Iraqi militias agreed to stop attacks targeting American forces.",
			[]string{"iran-backed-militias truceWith united-states"}, nil},
		{"pronoun subject", "Tehran responded, as it shelled American bases in Iraq.",
			[]string{"iran attacked united-states"}, []string{"iran attacked iraq"}},
		{"backed-by apposition", "The Houthis, backed by Iran, fired missiles at US warships.",
			[]string{"houthis backedBy iran", "houthis attacked united-states"}, nil},
		{"agreement of coordinated parties", "Iraq and the United States signed an agreement in September.",
			[]string{"iraq agreedWith united-states"}, nil},
		{"threat in a quote", "Kataib Hezbollah said: \"We will target American bases.\"",
			[]string{"kataib-hezbollah threatened united-states"}, []string{"kataib-hezbollah attacked united-states"}},
		{"threat in a quote before its attribution", "\"We will target American bases,\" Kataib Hezbollah said.",
			[]string{"kataib-hezbollah threatened united-states"}, []string{"kataib-hezbollah attacked united-states"}},
		{"warned that", "Trump warned that the US would hit 52 Iranian sites if Tehran retaliated.",
			[]string{"donald-trump threatened iran"}, []string{"united-states struck iran"}},
		{"would pay a price", "Houthi officials warned that America and Britain would pay a heavy price.",
			[]string{"houthis threatened united-states", "houthis threatened united-kingdom"}, nil},
		{"led by, with an adverbial", "Hezbollah, led since October by Naim Qassem, fired rockets at Israel.",
			[]string{"naim-qassem leaderOf hezbollah", "hezbollah attacked israel"}, nil},
		{"war between", "The war between Israel and Iran entered its ninth day.",
			[]string{"israel attacked iran", "iran attacked israel"}, nil},
		{"fighters of a group act for it", "Fighters of the Islamic State overran Mosul in June 2014.",
			[]string{"islamic-state attacked mosul"}, nil},
		{"anaphor after a named group", "The Houthis claimed the attack. Yahya Saree, a military spokesman for the group, read the statement.",
			[]string{"yahya-saree spokespersonFor houthis"}, nil},
		{"bulleted objects", "The White House airstrike resulted in the elimination of:\n- Iranian General Qasem Soleimani;\n- Leader of the Iraqi militias, Abu Mahdi al-Muhandis.",
			[]string{"united-states killed qasem-soleimani", "united-states killed abu-mahdi-al-muhandis"}, nil},
		{"participial clause after a comma", "Israeli jets struck targets in Damascus, killing two members of the Revolutionary Guards.",
			[]string{"israel killed islamic-revolutionary-guard-corps"}, []string{"israel struck islamic-revolutionary-guard-corps"}},
		{"fire into", "Hezbollah fired dozens of rockets into northern Israel on Tuesday.",
			[]string{"hezbollah attacked israel"}, nil},
		{"launch at", "Iraqi militias launched drones at a U.S. base in Syria.",
			[]string{"iran-backed-militias attacked united-states"}, []string{"iran-backed-militias attacked syria"}},
		{"killed a titled leader", "Israel killed Hezbollah leader Hassan Nasrallah in an airstrike on Beirut's southern suburbs.",
			[]string{"israel killed hassan-nasrallah", "hassan-nasrallah leaderOf hezbollah"}, []string{"hassan-nasrallah struck lebanon"}},
		{"pronoun in a quoted claim", "The Houthis said they targeted a U.S. destroyer in the Red Sea.",
			[]string{"houthis attacked united-states"}, nil},
		{"one of the backed groups", "Asaib Ahl al-Haq, one of the Iran-backed groups within the PMF, denied involvement.",
			[]string{"asaib-ahl-al-haq backedBy iran"}, nil},
		{"among them", "Some Iran-aligned factions, among them Kataib Hezbollah, rejected the call.",
			[]string{"kataib-hezbollah backedBy iran"}, nil},
		{"targets in held areas", "American and British forces struck more than 60 targets in Houthi-held areas of Yemen.",
			[]string{"united-states struck houthis", "united-kingdom struck houthis"}, []string{"united-states struck yemen"}},
		{"passive after an apposition", "Abbas Nilforoushan, a deputy commander of the Islamic Revolutionary Guard Corps, was also killed in the strike by Israeli warplanes.",
			[]string{"israel killed abbas-nilforoushan", "abbas-nilforoushan memberOf islamic-revolutionary-guard-corps"}, nil},
		{"weapons take the last attacker", "Iran fired ballistic missiles at US forces in Iraq. The missiles hit Ain al-Asad Air Base.",
			[]string{"iran struck ain-al-asad-air-base"}, nil},
		{"relative clause subject", "The United States, which keeps about 2,500 troops in Iraq, struck the militias.",
			[]string{"united-states deployedIn iraq", "united-states struck iran-backed-militias"}, nil},
		{"coalition led by a named state", "Saudi Arabia, which led a military coalition against the Houthis from 2015, is in talks with the group.",
			[]string{"saudi-led-coalition attacked houthis"}, []string{"us-led-coalition attacked houthis", "saudi-arabia leaderOf houthis"}},
		{"holds responsible", "Kataib Hezbollah, which Washington holds chiefly responsible for the attack, suspended operations.",
			[]string{"united-states accused kataib-hezbollah"}, nil},
		{"allied with", "Hezbollah is allied with Iran.", []string{"hezbollah alliedWith iran"}, nil},
		{"a state's facility", "Israel struck Iran's Natanz nuclear facility.", []string{"natanz-nuclear-facility operatedBy iran", "israel struck natanz-nuclear-facility"}, nil},
		{"claimed the attack", "A drone targeted Harir air base on Tuesday. The Islamic Resistance in Iraq later claimed the attack.", []string{"islamic-resistance-in-iraq attacked harir-air-base"}, nil},
		{"the embassy, later", "The US Embassy in Baghdad was attacked. The embassy sits inside the Green Zone.", []string{"us-embassy-in-baghdad locatedIn green-zone"}, nil},
		{"a plural possessive and a pair of roles", "The Houthis rejected it. Mohammed Abdulsalam, the Houthis' chief negotiator and spokesman, said so.", []string{"mohammed-abdulsalam spokespersonFor houthis"}, []string{"mohammed-abdulsalam leaderOf houthis"}},
		{"a truce kept up", "Saudi Arabia has maintained its own fragile truce with the Houthis since 2022.", []string{"saudi-arabia truceWith houthis"}, nil},
		{"who leads", "Qais al-Khazali, who leads Asaib Ahl al-Haq, spoke.", []string{"qais-al-khazali leaderOf asaib-ahl-al-haq"}, nil},
		{"threat in reported speech", "Qais al-Khazali said U.S. forces would pay a heavy price.", []string{"qais-al-khazali threatened united-states"}, nil},
		{"hosts troops of", "The K1 base hosts troops of the U.S.-led coalition.", []string{"us-led-coalition deployedIn k-1-air-base"}, nil},
		{"which houses a base of", "Erbil International Airport, which houses a base of the US-led coalition, was hit.", []string{"us-led-coalition deployedIn erbil-air-base"}, nil},
		{"its aircraft", "CENTCOM said its aircraft had struck more than 75 Islamic State targets.", []string{"us-central-command struck islamic-state"}, nil},
		{"recaptured", "Kurdish Peshmerga forces recaptured the town of Sinjar from ISIS.", []string{"peshmerga attacked sinjar"}, nil},
		{"a descriptor backed by", "The Syrian Democratic Forces (SDF), a Kurdish-led alliance backed by the United States, captured Raqqa.",
			[]string{"syrian-democratic-forces backedBy united-states", "syrian-democratic-forces attacked raqqa"}, nil},
		{"backed by two", "Syrian government forces, backed by Iranian militias and Russian air power, recaptured Aleppo.",
			[]string{"syrian-arab-army backedBy iran", "syrian-arab-army backedBy russia"}, nil},
		{"a preposition picks the sense", "Hezbollah fighters are fighting alongside Syrian government forces.",
			[]string{"hezbollah alliedWith syrian-arab-army"}, []string{"hezbollah attacked syrian-arab-army"}},
		{"a group's adjective between backer and noun", "Yemen's Iran-backed Houthi rebels seized a cargo ship on Sunday.", []string{"houthis backedBy iran"}, []string{"iran-backed-militias backedBy iran"}},
		{"a state's city", "Fighting raged in the Iraqi city of Mosul.", []string{"mosul locatedIn iraq"}, nil},
		{"a port is where, not whose", "The ship was taken to the Yemeni port of Hodeidah.", []string{"port-of-hodeidah locatedIn yemen"}, []string{"port-of-hodeidah operatedBy yemen"}},
		// Cases that must not give a direct edge.
		// "positions" is a noun, not the verb "position"; the positions say where the group is
		{"positions is a noun", "Turkey shelled YPG positions in Afrin on Sunday.", []string{"turkey attacked peoples-protection-units", "peoples-protection-units deployedIn afrin"}, []string{"turkey deployedIn afrin"}},
		{"examples are no members", "Saraya Awliya al-Dam is a front for Iran-backed factions such as Kataib Hezbollah.", []string{"kataib-hezbollah backedBy iran"}, []string{"kataib-hezbollah memberOf saraya-awliya-al-dam"}},
		{"an instrument is no object", "Iran arms the groups through the Quds Force.", nil, []string{"islamic-revolutionary-guard-corps backedBy iran"}},
		{"seizing a capital is no attack on the state", "The Houthis, who seized Sanaa in 2014, began attacking shipping.", nil, []string{"houthis attacked yemen"}},
		{"a demonym before 'opposition' is no state", "Turkey sided with the Syrian opposition.", nil, []string{"turkey alliedWith syria"}},
		{"the speaker is not the doer", "Its military spokesman, Yahya Saree, said 73 strikes had killed five of its fighters.", nil, []string{"yahya-saree killed united-states"}},
		{"a relative clause without an actor", "The envoy condemned the missile attack that struck Erbil on Monday.", nil, []string{"united-nations struck erbil"}},
		{"passive whose subject is no actor", "President Joe Biden said the drone had been launched by Iran-backed militant groups.", nil, []string{"iran-backed-militias attacked joe-biden"}},
		{"armed as an adjective", "The alliance includes political allies of the armed groups.", nil, []string{"iran-backed-militias backedBy united-states"}},
		{"a place before an event noun is not its agent", "Kataib Hezbollah, which Washington holds responsible for the Jordan attack, suspended operations.", nil, []string{"jordan attacked united-states"}},
		{"a militia leader is no state official", "A US strike killed Iraqi militia leader Abu Mahdi al-Muhandis.", []string{"united-states killed abu-mahdi-al-muhandis"}, []string{"abu-mahdi-al-muhandis officialOf iraq", "abu-mahdi-al-muhandis leaderOf iraq"}},
		{"an event noun after an adjective in quotes", "Pompeo said Soleimani had been planning an \"imminent\" attack on Americans.", nil, []string{"qasem-soleimani attacked united-states"}},
		{"negated", "Iran did not attack US forces in Iraq.", nil, []string{"iran attacked united-states"}},
		{"conditional", "If Washington fails to withdraw from Iraq, the factions will resume attacks.", nil, []string{"united-states withdrewFrom iraq"}},
		{"hedged", "The United States may strike Kataib Hezbollah again.", nil, []string{"united-states struck kataib-hezbollah"}},
		{"planned", "NATO will withdraw its troops from Iraq next year.", nil, []string{"nato withdrewFrom iraq"}},
		{"agreed to withdraw", "The United States has agreed to withdraw troops from Iraq.", nil, []string{"united-states withdrewFrom iraq"}},
		{"considering", "America is considering closing its embassy in Iraq.", nil, []string{"united-states withdrewFrom iraq"}},
		{"new clause after a comma is not a place pair", "Despite the attacks on the Green Zone, Washington has blamed the militias.", nil, []string{"green-zone locatedIn united-states"}},
		{"resistance group is not the country", "The Islamic Resistance in Iraq claimed the attack.", nil, []string{"islamic-resistance-in-iraq locatedIn iraq"}},
		{"possessor is not the target", "The threat was a message to Iran's allies.", nil, []string{"united-states threatened iran"}},
		{"rank between post and name", "Israel's chief of staff, Lt. Gen. [[Dan Halutz|Person]], spoke.", []string{"dan-halutz officialOf israel"}, nil},
		{"patron in apposition", "Iran, Hezbollah's main patron, condemned the raid.", []string{"hezbollah backedBy iran"}, nil},
		{"sponsor of in apposition", "Iran, the chief sponsor of Kataib Hezbollah, denied it.", []string{"kataib-hezbollah backedBy iran"}, nil},
		{"proxy in apposition", "Hezbollah, Iran's most powerful proxy, fired rockets.", []string{"hezbollah backedBy iran"}, nil},
		{"ally in apposition", "Syria, Iran's closest ally, was quiet.", []string{"syria alliedWith iran"}, nil},
		{"possessor of a plain noun is no patron", "Iraq, the United States' partner, objected.", nil, []string{"united-states backedBy iraq", "iraq alliedWith united-states"}},
		{"second verb after a long first one", "Fouad Siniora called on the Security Council to impose an immediate and comprehensive cease-fire and urged Israel to halt the bombing.",
			[]string{"fouad-siniora demanded israel"}, nil},
		{"any attack is not one", "Iran warned Israel against any attack on Syria.", []string{"iran threatened israel"}, []string{"israel attacked syria"}},
		{"demonym after a determiner is an adjective", "Iran called the Israeli attacks a crime and warned Israel.", []string{"iran threatened israel"}, nil},
		{"one of the militias within", "Men of Kataib Hezbollah, one of the most powerful militias within the PMF, were seen.", []string{"kataib-hezbollah memberOf popular-mobilization-forces"}, nil},
		{"umbrella before the part noun", "The Badr Organization, the largest PMF faction, was not listed.", []string{"badr-organization memberOf popular-mobilization-forces"}, nil},
		{"a militia in a country is no membership", "Kataib Hezbollah, the strongest militia in Iraq, fired.", nil, []string{"kataib-hezbollah memberOf iraq"}},
		{"indefinite title before a comma", "Strikes killed a senior Kataib Hezbollah commander, [[Abu Baqir al-Saadi|Person]].",
			[]string{"abu-baqir-al-saadi memberOf kataib-hezbollah"}, []string{"abu-baqir-al-saadi leaderOf kataib-hezbollah"}},
		{"adjective before the settlement noun", "He studied in the Iranian holy city of Qom.", []string{"qom locatedIn iran"}, nil},
		{"towns of a list", "Rockets hit the northern Israeli towns of Nahariya, Haifa and [[Safed|Location]].",
			[]string{"nahariya locatedIn israel", "haifa locatedIn israel", "safed locatedIn israel"}, nil},
		{"plural without names", "Rockets hit Israeli towns and Haifa.", nil, []string{"haifa locatedIn israel"}},
		{"a state's city in apposition", "Fighting spread to Basra, Iraq's second city, on Monday.", []string{"basra locatedIn iraq"}, nil},
		{"a state's noun that is no settlement", "Talks moved to Tehran, Iraq's neighbour, on Monday.", nil, []string{"tehran locatedIn iraq"}},
		{"designation is an accusation", "The State Department designated Kataib Hezbollah a terrorist group.", []string{"us-department-of-state accused kataib-hezbollah"}, nil},
		{"sanctioned by", "[[Shibl al-Zaidi|Person]] was sanctioned by the US Treasury in 2018.", []string{"us-department-of-the-treasury accused shibl-al-zaidi"}, nil},
		{"object relative clause", "Kataib Hezbollah, which Washington designated in 2009, denied it. Hezbollah, which Israel fought in 2006, rearmed.",
			[]string{"united-states accused kataib-hezbollah", "israel attacked hezbollah"}, nil},
		{"object relative with as", "The group, which Washington designates as a terrorist organization, had held [[Elizabeth Tsurkov|Person]].",
			nil, []string{"united-states accused elizabeth-tsurkov"}},
		{"that after a name is no relative pronoun", "The US told Iraq that Kataib Hezbollah attacked on Monday.", nil, []string{"kataib-hezbollah attacked iraq"}},
		{"subject relative is no object relative", "Kataib Hezbollah, which attacked US forces in 2009, denied it.",
			[]string{"kataib-hezbollah attacked united-states"}, []string{"united-states attacked kataib-hezbollah"}},
		{"a region's director is an official", "[[Sarah Leah Whitson|Person]], Middle East director at Human Rights Watch, spoke.",
			[]string{"sarah-leah-whitson officialOf human-rights-watch"}, []string{"sarah-leah-whitson leaderOf human-rights-watch"}},
		{"a regional director is an official", "[[Ahmed Benchemsi|Person]], the regional director of Human Rights Watch, spoke.",
			[]string{"ahmed-benchemsi officialOf human-rights-watch"}, nil},
		{"a group's own name before the title still leads", "Kataib Hezbollah commander [[Abu Fadak al-Mohammedawi|Person]] spoke.",
			[]string{"abu-fadak-al-mohammedawi leaderOf kataib-hezbollah"}, nil},
		{"a founding commander is a member", "The YBS was formed in 2014. [[Said Hassan|Person]], a founding commander of the group, was killed.",
			[]string{"said-hassan memberOf sinjar-resistance-units"}, []string{"said-hassan leaderOf sinjar-resistance-units"}},
		{"a numbered unit and the larger one it belongs to", "Lt. Col. [[Julian Alford|Person]], who commands the [[3rd Battalion, 6th Marine Regiment|GovernmentBody]], arrived in [[Qaim|Location]]. On the 3rd day of the offensive, the [[1st Battalion, 5th Marines|GovernmentBody]] entered [[Husaybah|Location]].",
			[]string{"julian-alford leaderOf 3rd-battalion-6th-marine-regiment", "1st-battalion-5th-marines deployedIn husaybah"}, nil},
		{"units in a list stay apart", "The [[82nd Airborne Division|GovernmentBody]], [[3rd Infantry Division|GovernmentBody]] and [[10th Mountain Division|GovernmentBody]] were deployed to [[Kuwait|Country]].",
			[]string{"82nd-airborne-division deployedIn kuwait", "10th-mountain-division deployedIn kuwait"}, nil},
		{"a service's commander in one region is an official", "Maj. Gen. [[Stephen Johnson|Person]], the top Marine commander in western [[Iraq|Country]], toured the town. [[Hassan Nasrallah|Person]], the [[Hezbollah|ArmedGroup]] leader in [[Lebanon|Country]], spoke.",
			[]string{"stephen-johnson officialOf us-marine-corps", "hassan-nasrallah leaderOf hezbollah"}, []string{"stephen-johnson leaderOf us-marine-corps", "hassan-nasrallah officialOf hezbollah"}},
		{"Royal Marines are not the US Marines", "A unit of the [[Royal Marines|GovernmentBody]] was deployed to [[Basra|Location]]. Marines were deployed to [[Ramadi|Location]].",
			[]string{"royal-marines deployedIn basra", "us-marine-corps deployedIn ramadi"}, []string{"us-marine-corps deployedIn basra"}},
		{"receiving aid is being backed", "Many of its factions, including [[Kataib Hezbollah|ArmedGroup]] and the [[Badr Organization|ArmedGroup]], receive weapons and training from [[Iran|Country]]. [[Asaib Ahl al-Haq|ArmedGroup]] received a phone call from [[Syria|Country]]. [[Israel|Country]] provided a briefing to [[Hezbollah|ArmedGroup]].",
			[]string{"kataib-hezbollah backedBy iran", "badr-organization backedBy iran"}, []string{"asaib-ahl-al-haq backedBy syria", "hezbollah backedBy israel"}},
		{"a partitive relative clause is set off", "The militias, several of which are also part of [[Iraq|Country]]'s [[Popular Mobilization Forces|ArmedGroup]] ([[PMF|ArmedGroup]]), receive weapons and funding from [[Iran|Country]]. The militias, some of which attacked [[US|Country]] bases, were disbanded.",
			[]string{"iran-backed-militias backedBy iran", "iran-backed-militias attacked united-states"}, []string{"popular-mobilization-forces backedBy iran"}},
		{"troops, a count of whom are stationed", "[[US|Country]] troops, about 2,500 of whom are stationed in [[Iraq|Country]] and 900 in neighbouring [[Syria|Country]], will leave.",
			[]string{"united-states deployedIn iraq", "united-states deployedIn syria"}, nil},
		{"a region's prime minister leads its government too", "[[Kurdistan Region|Location]] Prime Minister [[Masrour Barzani|Person]] called on the PKK to leave. [[Kurdistan Region|Location]] President [[Nechirvan Barzani|Person]] agreed.",
			[]string{"masrour-barzani leaderOf kurdistan-region", "masrour-barzani leaderOf kurdistan-regional-government", "nechirvan-barzani leaderOf kurdistan-region"}, []string{"nechirvan-barzani leaderOf kurdistan-regional-government"}},
		{"which is part of a state's umbrella", "[[Kataib Hezbollah|ArmedGroup]], which is part of [[Iraq|Country]]'s state-sanctioned [[Popular Mobilization Forces|ArmedGroup]] ([[PMF|ArmedGroup]]), did not respond. [[Iraq|Country]] took part in the talks with [[NATO|InternationalOrganization]].",
			[]string{"kataib-hezbollah memberOf popular-mobilization-forces"}, []string{"iraq memberOf nato"}},
		{"a ministry named without its state", "In [[Tehran|Country]], Foreign Ministry spokesman [[Esmaeil Baghaei|Person]] welcomed the deal. [[Iraq|Country]] protested. Foreign Ministry spokesman [[Ahmed al-Sahaf|Person]] called it a violation.",
			[]string{"esmaeil-baghaei spokespersonFor iranian-foreign-ministry", "ahmed-al-sahaf spokespersonFor iraqi-foreign-ministry"}, []string{"esmaeil-baghaei spokespersonFor iran"}},
		{"troops of a unit sent somewhere", "About 750 soldiers from the [[82nd Airborne Division|GovernmentBody]] were being sent to [[Kuwait|Country]]. Fighters of [[Kataib Hezbollah|ArmedGroup]] will be sent to [[Syria|Country]] if needed. Members of the [[Badr Organization|ArmedGroup]] were killed in [[Iraq|Country]].",
			[]string{"82nd-airborne-division deployedIn kuwait"}, []string{"kataib-hezbollah deployedIn syria", "badr-organization deployedIn iraq"}},
		{"led by, after an apposition", "[[Al-Qaeda in Iraq|ArmedGroup]], the network led by the Jordanian-born militant [[Abu Musab al-Zarqawi|Person]], held the town. [[Nato Mission Iraq|InternationalOrganization]], a separate non-combat mission led by [[Nato|InternationalOrganization]], goes on. [[Kataib Hezbollah|ArmedGroup]], a militia backed by [[Iran|Country]], was hit.",
			[]string{"abu-musab-al-zarqawi leaderOf al-qaeda-in-iraq", "nato leaderOf nato-mission-iraq"}, []string{"iran leaderOf kataib-hezbollah"}},
		{"headed for is going", "Foreign fighters headed for [[Baghdad|Location]] crossed from [[Syria|Country]]. [[Qais al-Khazali|Person]] headed [[Asaib Ahl al-Haq|ArmedGroup]] for years.",
			[]string{"qais-al-khazali leaderOf asaib-ahl-al-haq"}, []string{"syria leaderOf baghdad"}},
		{"his group is the subject's, not a possessor's in an apposition", "The cleric [[Muqtada al-Sadr|Person]], a key partner in [[Nouri al-Maliki|Person]]'s coalition, threatened to revive his [[Mahdi Army|ArmedGroup]] militia.",
			[]string{"muqtada-al-sadr leaderOf mahdi-army"}, []string{"nouri-al-maliki leaderOf mahdi-army"}},
		{"a leader does not threaten his own state", "President [[Recep Tayyip Erdogan|Person]] warned in June that Turkish troops could arrive in [[Sinjar|Location]]. He warned the [[PKK|ArmedGroup]].",
			[]string{"recep-tayyip-erdogan threatened kurdistan-workers-party"}, []string{"recep-tayyip-erdogan threatened turkey"}},
		{"a title inside an opening phrase is not the subject's", "Speaking at a ceremony marking the death of the former commander of the [[Quds Force|GovernmentBody]], [[Abbas Araghchi|Person]] said the killing was a crime. In a statement, the spokesman of [[Kataib Hezbollah|ArmedGroup]], [[Abu Ali al-Askari|Person]], said the truce holds.",
			[]string{"abu-ali-al-askari spokespersonFor kataib-hezbollah"}, []string{"abbas-araghchi leaderOf islamic-revolutionary-guard-corps", "abbas-araghchi leaderOf quds-force"}},
		{"an apposition's backer hangs on a front noun, not any noun", "The government would end the coalition's presence in [[Iraq|Country]], a step long sought by Iran-aligned parties. Attacks were claimed by the [[Islamic Resistance in Iraq|Coalition]], a banner used by Iran-backed factions.",
			[]string{"islamic-resistance-in-iraq backedBy iran"}, []string{"iraq backedBy iran"}},
		{"a gerund's subject is the noun it follows", "[[Gideon Saar|Person]] asks the [[UN Security Council|InternationalOrganization]] to rein in Iraqi militias firing drones at [[Israel|Country]].",
			[]string{"iran-backed-militias attacked israel"}, []string{"united-nations-security-council attacked israel"}},
		{"whose militia, whose forces", "[[Sadr|Person]], whose militia fought two uprisings against [[US|Country]] forces, was silent. [[Muqtada al-Sadr|Person]], whose [[Mahdi Army|ArmedGroup]] fought [[Hezbollah|ArmedGroup]], spoke. [[Iran|Country]], whose forces attacked [[Israel|Country]], denied it.",
			[]string{"mahdi-army attacked united-states", "muqtada-al-sadr leaderOf mahdi-army", "mahdi-army attacked hezbollah", "iran attacked israel"}, []string{"muqtada-al-sadr attacked united-states"}},
		{"call on takes its object after the particle", "[[Lloyd Austin|Person]] called the raids a response to attacks on [[US|Country]] personnel. [[Iraq|Country]] called repeatedly on [[Turkey|Country]] to stop.",
			[]string{"iraq demanded turkey"}, []string{"lloyd-austin demanded united-states"}},
		{"claiming an attack with its own target is not claiming the last one", "Israel's war on [[Gaza|Location]] goes on. [[Kataib Hezbollah|ArmedGroup]] also claimed a strike on the [[Ain al-Asad base|Facility]]. A drone hit [[Erbil|Location]]. The [[Islamic Resistance in Iraq|Coalition]] claimed the attack on Telegram.",
			[]string{"kataib-hezbollah struck ain-al-asad-air-base", "islamic-resistance-in-iraq attacked erbil"}, []string{"kataib-hezbollah attacked gaza-strip"}},
		{"a demonym before a militant noun is not the state", "Iraqi resistance drones hit a [[US|Country]] base in [[Syria|Country]].",
			nil, []string{"iraq struck united-states", "iraq attacked united-states"}},
		{"a participle after a comma shares the clause's subject", "The [[US Treasury Department|GovernmentBody]] sanctioned [[Qais al-Khazali|Person]], the leader of [[Asaib Ahl al-Haq|ArmedGroup]], accusing him of directing the fire. [[Iran|Country]] condemned the strike, accusing [[Israel|Country]] of a crime.",
			[]string{"us-department-of-the-treasury accused qais-al-khazali", "iran accused israel"}, []string{"qais-al-khazali accused asaib-ahl-al-haq"}},
		{"a strike attributed to a state", "Senior [[IRGC|GovernmentBody]] commander killed in [[Damascus|Location]] strike attributed to [[Israel|Country]]. [[Iran|Country]] attributed the strike to [[Israel|Country]].",
			[]string{"iran accused israel"}, []string{"islamic-revolutionary-guard-corps accused israel"}},
		{"a coalition being assembled has not fought yet", "[[Washington|Country]] was working to assemble a broad coalition against [[ISIS|ArmedGroup]].",
			nil, []string{"us-led-coalition attacked islamic-state"}},
		{"a place's head noun and 'located' before 'in'", "Cells hide in the [[Hamrin|Location]] mountain range in [[Salahuddin province|Location]]. The drone hit [[Harir base|Facility]], located in [[Shaqlawa|Location]] district.",
			[]string{"hamrin-mountains locatedIn salahuddin-governorate", "harir-air-base locatedIn shaqlawa"}, nil},
		{"a new name before a district noun is a place, and a province's district is in it", "Turkish jets struck [[Duhok province|Location]]'s [[Amedi|Location]] district.",
			[]string{"amedi locatedIn duhok-governorate", "turkey struck amedi"}, nil},
		{"a state's sites in a list of places", "[[Iran|Country]]'s nuclear facilities in [[Fordow|Facility]], [[Natanz|Facility]] and [[Isfahan|Location]] were struck.",
			[]string{"fordow-fuel-enrichment-plant locatedIn iran", "natanz-nuclear-facility locatedIn iran", "isfahan locatedIn iran"}, nil},
		{"a facility described as a state's base", "Rockets hit the [[Al Udeid Air Base|Facility]] in [[Qatar|Country]], the largest American military base in the region. [[Camp Victory|Facility]], the sprawling [[U.S.|Country]] base next to the airport, was handed over. [[Erbil|Location]], the Kurdish capital, was calm.",
			[]string{"al-udeid-air-base operatedBy united-states", "camp-victory operatedBy united-states"}, []string{"al-udeid-air-base operatedBy qatar"}},
		{"ground an armed actor holds", "[[Mahdi Army|ArmedGroup]] positions in [[Basra|Location]] were shelled. [[Tikrit|Location]], which fell to [[ISIL|ArmedGroup]] last June, was retaken. [[ISIS|ArmedGroup]] has held the city of [[Fallujah|Location]] since 2014. [[Nujaba|ArmedGroup]] sent fighters to [[Syria|Country]]. [[Israel|Country]] held [[Iran|Country]] responsible.",
			[]string{"mahdi-army deployedIn basra", "islamic-state attacked tikrit", "islamic-state deployedIn fallujah", "harakat-hezbollah-al-nujaba deployedIn syria"}, []string{"israel deployedIn iran"}},
		{"a reported obligation is a demand", "Fighters executed 12 men, [[Human Rights Watch|InternationalOrganization]] said today. The [[Iraqi government|Country]] should urgently investigate the abuses. State media quoted [[Khamenei|Person]] as saying that the [[United States|Country]] must stop its support for [[Israel|Country]]. [[George W. Bush|Person]] said [[Syria|Country]] must be held to account. Governments that train [[Iraqi forces|GovernmentBody]] should cut aid, [[Amnesty International|InternationalOrganization]] said.",
			[]string{"human-rights-watch demanded iraq", "ali-khamenei demanded united-states"}, []string{"george-w-bush demanded syria", "amnesty-international demanded iraqi-security-forces"}},
		{"ground held in part, and a parenthesised acronym's apposition", "The [[Houthis|ArmedGroup]], who control much of northern [[Yemen|Country]], fired missiles. [[Turkey|Country]] considers the [[People's Protection Units|ArmedGroup]] ([[YPG|ArmedGroup]]), the backbone of the [[SDF|ArmedGroup]], a threat. [[Israel|Country]] held [[Iran|Country]] responsible.",
			[]string{"houthis deployedIn yemen", "peoples-protection-units memberOf syrian-democratic-forces"}, []string{"israel deployedIn iran"}},
		{"a compound in a city, a state's second-largest city", "Fighters broke into the [[US Embassy|Facility]] compound in [[Baghdad|Location]]. Militants seized [[Mosul|Location]], [[Iraq|Country]]'s second-largest city, on Tuesday.",
			[]string{"us-embassy-in-baghdad locatedIn baghdad", "mosul locatedIn iraq"}, nil},
		{"an apposition's backed descriptor after a state's possessive", "[[Kataib Hezbollah|ArmedGroup]], the most powerful of [[Iraq|Country]]'s Iran-backed armed factions, denied it.",
			[]string{"kataib-hezbollah backedBy iran"}, []string{"kataib-hezbollah backedBy iraq"}},
		{"attacks kept up are a threat to their target", "[[Harakat al-Nujaba|ArmedGroup]] vowed to keep up its attacks until American troops leave the country. [[Kataib Hezbollah|ArmedGroup]] said attacks would continue until the last American soldier leaves. [[Asaib Ahl al-Haq|ArmedGroup]] said it would continue operations against [[US|Country]] forces. [[Badr|ArmedGroup]] said it would continue its talks with [[Baghdad|Location]].",
			[]string{"harakat-hezbollah-al-nujaba threatened united-states", "kataib-hezbollah threatened united-states", "asaib-ahl-al-haq threatened united-states"}, []string{"badr-organization threatened baghdad", "badr-organization threatened iraq"}},
		{"the clause's own subject keeps up attacks on what is linked to a state", "[[Mohammed Abdulsalam|Person]], the group's spokesman, said the attack was unjustified and that the [[Houthis|ArmedGroup]] would keep targeting ships linked to [[Israel|Country]]. [[Akram al-Kaabi|Person]] said on Monday that attacks would continue \"until the last American soldier leaves\".",
			[]string{"houthis threatened israel", "akram-al-kaabi threatened united-states"}, []string{"mohammed-abdulsalam threatened houthis"}},
		{"a warned response threatens the aggressor or the one the condition names", "[[Masoud Pezeshkian|Person]] said [[Iran|Country]] will give an appropriate response to the [[Zionist regime|Country]]'s aggression. [[Ali Khamenei|Person]] warned that any American military intervention would bring irreparable damage. [[Abbas Araghchi|Person]] said in a statement that the matter was closed, but warned that the response would be severe if [[Saudi Arabia|Country]] made another mistake. [[Iraq|Country]] said its response to the floods was fast.",
			[]string{"masoud-pezeshkian threatened israel", "ali-khamenei threatened united-states", "abbas-araghchi threatened saudi-arabia"}, []string{"iraq threatened floods"}},
		{"a body at the UN is not the UN", "[[Iran|Country]]'s mission to the [[United Nations|InternationalOrganization]] said in a message that the matter was closed, but warned that the response would be severe if [[Israel|Country]] made another mistake.",
			nil, []string{"united-nations threatened israel"}},
		{"a possessor before a noun that is also a verb", "[[Iran|Country]]'s support for the [[Houthis|ArmedGroup]] is well known. The attack came in response to [[Washington|Country]]'s backing for [[Israel|Country]]. Militias support the [[Houthis|ArmedGroup]].",
			[]string{"houthis backedBy iran", "israel backedBy united-states"}, nil},
		{"corps numbered in Roman numerals; moving into a place; a state's eastern province", "Lt. Gen. [[John Sattler|Person]], commander of the [[I Marine Expeditionary Force|GovernmentBody]], spoke. [[Peshmerga|ArmedGroup]] forces moved into [[Kirkuk|Location]]. The talks moved into a new phase. Drones hit [[Syria|Country]]'s eastern [[province of Deir ez-Zor|Location]].",
			[]string{"john-sattler leaderOf i-marine-expeditionary-force", "peshmerga deployedIn kirkuk", "deir-ez-zor-governorate locatedIn syria"}, nil},
		{"a strike one of a light verb's strikes kills", "The [[US|Country]] carried out strikes, including one in [[Baghdad|Location]] in February that killed a senior [[Kataib Hezbollah|ArmedGroup]] commander, [[Abu Baqir al-Saadi|Person]].",
			[]string{"united-states killed abu-baqir-al-saadi"}, nil},
		{"the doer of strikes named by a modifier", "Militias carried out 170 attacks, prompting several rounds of American strikes, including one in [[Baghdad|Location]] that killed a senior [[Kataib Hezbollah|ArmedGroup]] commander, [[Abu Baqir al-Saadi|Person]].",
			[]string{"united-states killed abu-baqir-al-saadi"}, nil},
		{"a passive relative clause after a name", "[[Kataib Hezbollah|ArmedGroup]], which was targeted by [[US|Country]] strikes, vowed revenge. [[Qasem Soleimani|Person]], who was killed by a [[US|Country]] drone, was buried. [[Iran|Country]], the main supporter of [[Hezbollah|ArmedGroup]], denied it. [[Iraq|Country]] said that [[Syria|Country]] was attacked by [[Turkey|Country]].",
			[]string{"united-states attacked kataib-hezbollah", "united-states killed qasem-soleimani", "hezbollah backedBy iran", "turkey attacked syria"}, []string{"turkey attacked iraq"}},
		{"in a place's possessed place; a demand by gerund is the writer's", "The [[U.S. Embassy|Facility]] compound in [[Baghdad|Location]]'s fortified [[Green Zone|Location]] was attacked. [[Abbas Araghchi|Person]] wrote to the [[UN Security Council|InternationalOrganization]] demanding that it condemn the violation.",
			[]string{"us-embassy-in-baghdad locatedIn green-zone", "green-zone locatedIn baghdad"}, []string{"united-nations-security-council demanded united-nations"}},
		{"positions after an acronym, not positions near; a relative clause on the object", "Jets struck [[Islamic State of Iraq and the Levant|ArmedGroup]] ([[ISIL|ArmedGroup]]) positions in the city of [[Tikrit|Location]]. Jets struck [[ISIS|ArmedGroup]] positions near [[Erbil|Location]]. [[Leon Panetta|Person]] blamed Shiite militias that have been killing American troops.",
			[]string{"islamic-state deployedIn tikrit"}, []string{"islamic-state deployedIn erbil", "leon-panetta accused united-states"}},
		{"the head of a group's part is a member", "[[Ali Karaki|Person]], the commander of [[Hezbollah|ArmedGroup]]'s southern front, was killed. [[Hadi al-Ameri|Person]], the head of [[Iraq|Country]]'s [[Badr Organization|ArmedGroup]], spoke.",
			[]string{"ali-karaki memberOf hezbollah", "hadi-al-amiri leaderOf badr-organization"}, []string{"ali-karaki leaderOf hezbollah"}},
		{"a patron, proxy or partner after a copula", "The [[SDF|ArmedGroup]] was the main ground partner of the [[US-led coalition|Coalition]]. [[Iran|Country]] is the main backer of [[Hezbollah|ArmedGroup]]. [[Kataib Hezbollah|ArmedGroup]] was a target of [[US|Country]] strikes.",
			[]string{"syrian-democratic-forces alliedWith us-led-coalition", "hezbollah backedBy iran"}, []string{"kataib-hezbollah alliedWith united-states", "kataib-hezbollah backedBy united-states"}},
		{"a list of places in a place", "The strikes hit positions in [[Jurf al-Nasr|Location]] and [[al-Musayyib|Location]] in [[Babil province|Location]]. Strikes hit [[Karbala|Location]], [[Najaf|Location]] and [[Hilla|Location]] in southern [[Iraq|Country]]. [[Camp Victory|Facility]] near [[Baghdad airport|Facility]] and the [[Ain al-Asad air base|Facility]] in western [[Iraq|Country]] were targeted.",
			[]string{"jurf-al-sakhar locatedIn babil-governorate", "musayyib locatedIn babil-governorate", "karbala locatedIn iraq", "najaf locatedIn iraq", "hillah locatedIn iraq", "ain-al-asad-air-base locatedIn iraq"}, []string{"baghdad-international-airport locatedIn iraq"}},
		{"a place where forces are stationed", "A drone struck the [[al-Tanf garrison|Facility]], where [[U.S.|Country]] and coalition personnel are stationed. A drone targeted [[Harir air base|Facility]] in [[Erbil province|Location]], where personnel of the [[US-led coalition|Coalition]] are based. Protesters gathered in [[Baghdad|Location]], where [[Iraq|Country]]'s president spoke.",
			[]string{"united-states deployedIn al-tanf-garrison", "us-led-coalition deployedIn harir-air-base"}, []string{"us-led-coalition deployedIn erbil-governorate", "iraq deployedIn baghdad"}},
		{"a facility that would not be safe; living under sanctions", "[[Abu Alaa al-Walai|Person]] warned that the [[US embassy in Baghdad|Facility]] would not be safe. [[Iraq|Country]] said the embassy would be safe. [[Akram al-Kaabi|Person]] has been under [[US Treasury|GovernmentBody]] sanctions since 2008.",
			[]string{"abu-alaa-al-walai threatened us-embassy-in-baghdad", "us-department-of-the-treasury accused akram-al-kaabi"}, []string{"iraq threatened us-embassy-in-baghdad"}},
		{"a speaker set off by an apposition; attacks that could resume", "[[Kataib Hezbollah|ArmedGroup]], the most powerful of the pro-Iran factions, said the timeline was too long and warned that its fighters could resume attacks on American forces if [[Washington|Country]] tried to prolong its stay.",
			[]string{"kataib-hezbollah threatened united-states"}, []string{"iran-backed-militias threatened united-states"}},
		{"rules that skip sentences without their word still run with it", "[[Kataib Hezbollah|ArmedGroup]], the most powerful of the factions, said that [[Iraq|Country]] must expel the troops. [[Tikrit|Location]] fell to [[ISIL|ArmedGroup]]. [[Akram al-Kaabi|Person]] has been under [[US Treasury|GovernmentBody]] sanctions. A drone hit [[Erbil|Location]], where [[US|Country]] troops are based.",
			[]string{"kataib-hezbollah demanded iraq", "islamic-state attacked tikrit", "us-department-of-the-treasury accused akram-al-kaabi", "united-states deployedIn erbil"}, nil},
		{"a camp is a base", "Rockets struck [[Camp Loyalty|Facility]] in eastern Baghdad.", []string{"camp-loyalty locatedIn baghdad"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, types := parseCase(tt.text)
			ex, err := x.Extract(Document{ID: "case", Text: text})
			if err != nil {
				t.Fatal(err)
			}
			got := facts(ex, true)
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("%q\nmissing %q; got %q", text, w, got)
				}
			}
			for _, n := range tt.not {
				if contains(got, n) {
					t.Errorf("%q\nunwanted %q", text, n)
				}
			}
			for name, typ := range types {
				if e, ok := entityNamed(ex, name); !ok {
					t.Errorf("%q: no entity named %q", text, name)
				} else if e.Type != typ {
					t.Errorf("%q: %q has type %s, want %s", text, name, e.Type, typ)
				}
			}
		})
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func entityNamed(ex schema.Extraction, name string) (schema.Entity, bool) {
	for _, e := range ex.Entities {
		if strings.EqualFold(e.Name, name) {
			return e, true
		}
		for _, a := range e.Aliases {
			if strings.EqualFold(a, name) {
				return e, true
			}
		}
	}
	return schema.Entity{}, false
}

func TestModalityKept(t *testing.T) {
	x := testExtractor(t)
	ex, err := x.Extract(Document{ID: "m", Text: "NATO will withdraw its troops from Iraq. If Washington fails to withdraw from Syria, the factions will resume attacks."})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]schema.Modality{}
	for _, s := range ex.Statements {
		got[s.Subject+" "+string(s.Predicate)+" "+s.Object] = s.Modality
	}
	want := map[string]schema.Modality{
		"nato withdrewFrom iraq":           schema.Planned,
		"united-states withdrewFrom syria": schema.Conditional,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("modalities (-want +got):\n%s", diff)
	}
}

func TestDatesAndCounts(t *testing.T) {
	x := testExtractor(t)
	doc := Document{ID: "d", Text: "On Saturday, three U.S. soldiers were killed by Iran-backed militants. In 2011, American troops withdrew from Iraq."}
	doc.Published = mustDate(t, "2020-01-06")
	ex, err := x.Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	type dated struct {
		Fact, Date, Raw string
		Killed          int
	}
	var got []dated
	for _, s := range ex.Statements {
		if s.Predicate == schema.Killed || s.Predicate == schema.WithdrewFrom {
			got = append(got, dated{s.Subject + " " + string(s.Predicate) + " " + s.Object, s.Date, s.DateRaw, s.Killed})
		}
	}
	want := []dated{
		{"iran-backed-militias killed united-states", "2020-01-04", "Saturday", 3},
		{"united-states withdrewFrom iraq", "2011", "2011", 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dates (-want +got):\n%s", diff)
	}
}

// TestSamples runs the extractor over the sample corpus: no error, every
// span in bounds, evidence equal to the text it points at, and the same
// result twice.
func TestSamples(t *testing.T) {
	x := testExtractor(t)
	files, _ := fs.Glob(data.FS, "samples/*.txt")
	if len(files) == 0 {
		t.Fatal("no samples")
	}
	for _, f := range files {
		b, _ := fs.ReadFile(data.FS, f)
		doc := Document{ID: f, Text: string(b)}
		a, err := x.Extract(doc)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		checkSpans(t, doc, a)
		b2, _ := x.Extract(doc)
		if diff := cmp.Diff(a, b2); diff != "" {
			t.Errorf("%s: not deterministic (-first +second):\n%s", f, diff)
		}
	}
}

func checkSpans(t *testing.T, doc Document, ex schema.Extraction) {
	t.Helper()
	for _, s := range ex.Statements {
		if s.Span.Start < 0 || s.Span.End > len(doc.Text) || s.Span.Start > s.Span.End {
			t.Fatalf("%s: span %v out of bounds (%d bytes)", doc.ID, s.Span, len(doc.Text))
		}
		if doc.Text[s.Span.Start:s.Span.End] != s.Sentence {
			t.Fatalf("%s: evidence %q is not the text at %v", doc.ID, s.Sentence, s.Span)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Kataib Hezbollah, an Iran-backed militia, said on Saturday that the U.S. killed two of its commanders.")
	f.Add("Talks between Baghdad and Washington (the U.S.) began\n- Iranian General Qasem Soleimani;\n")
	f.Add("\"\"\"''’s---,,..")
	x := testExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		doc := Document{ID: "fuzz", Text: text}
		ex, err := x.Extract(doc)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, doc, ex)
	})
}

func mustDate(t *testing.T, s string) (d time.Time) {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEntityCues(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		text string
		want map[string]schema.EntityType // name → type
	}{
		{"The governor of Nineveh province, Atheel al-Nujaifi, fled.", map[string]schema.EntityType{"Atheel al-Nujaifi": schema.Person}},
		{"Russian-Israeli researcher Elizabeth Tsurkov was freed.", map[string]schema.EntityType{"Elizabeth Tsurkov": schema.Person}},
		{"Iraq's prime minister asked parliament to act.", map[string]schema.EntityType{"Iraqi parliament": schema.GovernmentBody}},
		{"Officials met on Sunday's anniversary.", map[string]schema.EntityType{}},
	}
	for _, tt := range tests {
		ex, err := x.Extract(Document{ID: "c", Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		for name, typ := range tt.want {
			e, ok := entityNamed(ex, name)
			if !ok || e.Type != typ {
				t.Errorf("%q: %q is %v (found %v), want %s", tt.text, name, e.Type, ok, typ)
			}
		}
		if _, ok := entityNamed(ex, "Sunday"); ok {
			t.Errorf("%q: a day became an entity", tt.text)
		}
	}
}
