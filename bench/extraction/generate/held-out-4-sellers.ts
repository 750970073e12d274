import { composeIBAN, isValidIBAN } from 'ibantools';
import type { SeededRandom } from './random';
import { isValidVatId } from './identifiers';

/**
 * Sellers and buyers of the fourth held-out corpus, drawn from a table of European (and a few English-speaking)
 * countries with the legal forms their registers actually use, written from company registers' conventions and
 * not from any extractor's lexicon (issue 4: vendor names were the weakest core field on blind documents).
 */
export interface CountryProfile {
  code: string;
  /** Legal forms as printed after (or, rarely, before) the name. */
  forms: string[];
  stems: string[];
  trades: string[];
  cities: string[];
  streets: string[];
  postcode: (random: SeededRandom) => string;
  /** A VAT id body that jsvat checks (drawn until valid), or null when the country prints none here. */
  vat: ((random: SeededRandom) => string) | null;
  /** BBAN shape for an IBAN (drawn until ibantools accepts it), or null. */
  bban: ((random: SeededRandom) => string) | null;
  /** A national register line printed instead of (or beside) a VAT id: never a VAT id. */
  register: (random: SeededRandom) => string;
  /** Sole traders: first and last names. */
  first: string[];
  last: string[];
}

const up = (random: SeededRandom, count: number): string => random.letters(count);

export const COUNTRIES: CountryProfile[] = [
  { code: 'NO', forms: ['AS', 'ASA'], stems: ['Nordkapp', 'Fjellheim', 'Granli', 'Solvang'], trades: ['Bygg', 'Elektro', 'Regnskap', 'Transport'], cities: ['Oslo', 'Tromsø', 'Drammen'], streets: ['Dronningens gate', 'Kongens gate'], postcode: (r) => r.digits(4), vat: (r) => `NO${r.digits(9)}MVA`, bban: (r) => r.digits(11), register: (r) => `Org.nr. ${r.digits(3)} ${r.digits(3)} ${r.digits(3)}`, first: ['Ingrid', 'Henrik', 'Sigrid'], last: ['Haugen', 'Berntsen', 'Lie'] },
  { code: 'DK', forms: ['A/S', 'ApS', 'I/S', 'P/S'], stems: ['Søndergaard', 'Kystlys', 'Højmark', 'Bølge'], trades: ['Rådgivning', 'Montage', 'Grafisk', 'Handel'], cities: ['Esbjerg', 'Vejle', 'Roskilde'], streets: ['Algade', 'Jernbanegade'], postcode: (r) => String(r.int(1000, 9990)), vat: (r) => `DK${r.int(1, 9)}${r.digits(7)}`, bban: (r) => r.digits(14), register: (r) => `CVR-nr. ${r.digits(8)}`, first: ['Mette', 'Rasmus', 'Freja'], last: ['Kjær', 'Mortensen', 'Dahl'] },
  { code: 'SE', forms: ['AB', 'HB', 'KB'], stems: ['Älvdalen', 'Björkhagen', 'Norrsken', 'Sjövik'], trades: ['Installation', 'Bokföring', 'Verkstad', 'Media'], cities: ['Uppsala', 'Umeå', 'Lund'], streets: ['Drottninggatan', 'Storgatan'], postcode: (r) => `${r.int(100, 989)} ${r.digits(2)}`, vat: (r) => `SE${r.digits(10)}01`, bban: (r) => r.digits(20), register: (r) => `Org.nr ${r.digits(6)}-${r.digits(4)}`, first: ['Astrid', 'Olof', 'Maja'], last: ['Lindqvist', 'Sandberg', 'Holm'] },
  { code: 'FI', forms: ['Oy', 'Oyj', 'Ky', 'Ay'], stems: ['Kuusela', 'Järvinen', 'Revontuli', 'Saimaa'], trades: ['Palvelut', 'Rakennus', 'Konepaja', 'Tilitoimisto'], cities: ['Tampere', 'Oulu', 'Turku'], streets: ['Hämeenkatu', 'Aleksanterinkatu'], postcode: (r) => r.digits(5), vat: (r) => `FI${r.digits(8)}`, bban: (r) => r.digits(14), register: (r) => `Y-tunnus ${r.digits(7)}-${r.digits(1)}`, first: ['Aino', 'Juhani', 'Elina'], last: ['Virtanen', 'Mäkelä', 'Koskinen'] },
  { code: 'EE', forms: ['OÜ', 'AS', 'MTÜ'], stems: ['Kuusiku', 'Põhjarannik', 'Taara', 'Merevaade'], trades: ['Ehitus', 'Tarkvara', 'Logistika'], cities: ['Tallinn', 'Tartu', 'Pärnu'], streets: ['Narva mnt', 'Pärnu mnt'], postcode: (r) => r.digits(5), vat: (r) => `EE10${r.digits(7)}`, bban: (r) => r.digits(16), register: (r) => `Registrikood ${r.digits(8)}`, first: ['Kadri', 'Mart', 'Liis'], last: ['Tamm', 'Saar', 'Kask'] },
  { code: 'LV', forms: ['SIA', 'AS'], stems: ['Daugava', 'Zvaigzne', 'Ozolkalns', 'Baltais Krasts'], trades: ['Būve', 'Serviss', 'Tehnika'], cities: ['Rīga', 'Liepāja', 'Jelgava'], streets: ['Brīvības iela', 'Elizabetes iela'], postcode: (r) => `LV-${r.digits(4)}`, vat: (r) => `LV4${r.digits(10)}`, bban: (r) => `${up(r, 4)}${r.digits(13)}`, register: (r) => `Reģ. Nr. 4000${r.digits(7)}`, first: ['Ilze', 'Jānis', 'Līga'], last: ['Bērziņš', 'Kalniņa', 'Ozols'] },
  { code: 'LT', forms: ['UAB', 'AB', 'MB'], stems: ['Nemuno', 'Baltijos', 'Žalgirio', 'Gintaro'], trades: ['Statyba', 'Technologijos', 'Prekyba'], cities: ['Vilnius', 'Kaunas', 'Klaipėda'], streets: ['Gedimino pr.', 'Laisvės al.'], postcode: (r) => `LT-${r.digits(5)}`, vat: (r) => `LT${r.digits(8)}1${r.digits(1)}`, bban: (r) => r.digits(16), register: (r) => `Įmonės kodas ${r.digits(9)}`, first: ['Rūta', 'Tomas', 'Eglė'], last: ['Kazlauskas', 'Petraitė', 'Jankauskas'] },
  { code: 'PL', forms: ['Sp. z o.o.', 'S.A.', 'sp.k.', 'Sp. j.'], stems: ['Wiśniewski', 'Bursztyn', 'Podhale', 'Mazowsze'], trades: ['Budownictwo', 'Serwis', 'Handel', 'Technika'], cities: ['Łódź', 'Gdańsk', 'Poznań'], streets: ['ul. Piotrkowska', 'ul. Długa'], postcode: (r) => `${r.digits(2)}-${r.digits(3)}`, vat: (r) => `PL${r.digits(10)}`, bban: (r) => r.digits(24), register: (r) => `KRS ${r.digits(10)}`, first: ['Agnieszka', 'Paweł', 'Zofia'], last: ['Nowak', 'Zieliński', 'Wójcik'] },
  { code: 'CZ', forms: ['s.r.o.', 'a.s.', 'spol. s r.o.', 'v.o.s.'], stems: ['Vltava', 'Krkonoše', 'Novák', 'Šumava'], trades: ['Stavby', 'Elektro', 'Strojírna', 'Služby'], cities: ['Praha', 'Brno', 'Ostrava'], streets: ['Vinohradská', 'Husova'], postcode: (r) => `${r.digits(3)} ${r.digits(2)}`, vat: (r) => `CZ${r.int(1, 9)}${r.digits(7)}`, bban: (r) => r.digits(20), register: (r) => `IČO: ${r.digits(8)}`, first: ['Jana', 'Petr', 'Tereza'], last: ['Dvořák', 'Svobodová', 'Černý'] },
  { code: 'SK', forms: ['s.r.o.', 'a.s.', 'k.s.'], stems: ['Tatra', 'Dunaj', 'Horáček', 'Orava'], trades: ['Servis', 'Stavebníctvo', 'Obchod'], cities: ['Bratislava', 'Košice', 'Žilina'], streets: ['Obchodná', 'Hlavná'], postcode: (r) => `${r.digits(3)} ${r.digits(2)}`, vat: (r) => `SK${r.int(1, 9)}${r.digits(9)}`, bban: (r) => r.digits(20), register: (r) => `IČO: ${r.digits(8)}`, first: ['Zuzana', 'Martin', 'Katarína'], last: ['Kováč', 'Horváthová', 'Baláž'] },
  { code: 'HU', forms: ['Kft.', 'Zrt.', 'Nyrt.', 'Bt.'], stems: ['Balaton', 'Tisza', 'Kovács', 'Mátra'], trades: ['Építő', 'Szerviz', 'Kereskedelmi', 'Informatikai'], cities: ['Budapest', 'Debrecen', 'Szeged'], streets: ['Váci út', 'Andrássy út'], postcode: (r) => String(r.int(1000, 9999)), vat: (r) => `HU${r.digits(8)}`, bban: (r) => r.digits(24), register: (r) => `Cg. ${r.digits(2)}-${r.digits(2)}-${r.digits(6)}`, first: ['Eszter', 'Gábor', 'Réka'], last: ['Nagy', 'Szabó', 'Tóth'] },
  { code: 'SI', forms: ['d.o.o.', 'd.d.', 's.p.'], stems: ['Triglav', 'Soča', 'Kranjc', 'Pohorje'], trades: ['Gradnje', 'Storitve', 'Inženiring'], cities: ['Ljubljana', 'Maribor', 'Celje'], streets: ['Slovenska cesta', 'Dunajska cesta'], postcode: (r) => r.digits(4), vat: (r) => `SI${r.int(1, 9)}${r.digits(7)}`, bban: (r) => r.digits(15), register: (r) => `Matična št. ${r.digits(10)}`, first: ['Maja', 'Luka', 'Nina'], last: ['Novak', 'Horvat', 'Kovačič'] },
  { code: 'HR', forms: ['d.o.o.', 'd.d.', 'j.d.o.o.'], stems: ['Jadran', 'Velebit', 'Dalmacija', 'Sava'], trades: ['Gradnja', 'Usluge', 'Trgovina'], cities: ['Zagreb', 'Split', 'Rijeka'], streets: ['Ilica', 'Vukovarska'], postcode: (r) => r.digits(5), vat: (r) => `HR${r.digits(11)}`, bban: (r) => r.digits(17), register: (r) => `MBS ${r.digits(9)}`, first: ['Ivana', 'Marko', 'Petra'], last: ['Babić', 'Jurić', 'Knežević'] },
  { code: 'PT', forms: ['Lda', 'Lda.', 'S.A.', 'Unipessoal Lda'], stems: ['Atlântico', 'Douro', 'Ferreira & Filhos', 'Alentejo'], trades: ['Construções', 'Serviços', 'Comércio'], cities: ['Lisboa', 'Porto', 'Braga'], streets: ['Rua Augusta', 'Avenida da Liberdade'], postcode: (r) => `${r.digits(4)}-${r.digits(3)}`, vat: (r) => `PT5${r.digits(8)}`, bban: (r) => r.digits(21), register: (r) => `NIPC ${r.digits(9)}`, first: ['Inês', 'João', 'Beatriz'], last: ['Silva', 'Santos', 'Pereira'] },
  { code: 'ES', forms: ['S.L.', 'S.L.U.', 'S.A.', 'S.Coop.'], stems: ['Guadalquivir', 'Montes de Toledo', 'Hermanos Ruiz', 'Cantábrico'], trades: ['Reformas', 'Consultores', 'Distribuciones'], cities: ['Zaragoza', 'Valencia', 'Bilbao'], streets: ['Calle Mayor', 'Gran Vía'], postcode: (r) => r.digits(5), vat: (r) => `ES${r.pick(['A', 'B'])}${r.digits(8)}`, bban: (r) => r.digits(20), register: (r) => `Reg. Merc. Tomo ${r.int(100, 9999)}, Folio ${r.int(1, 200)}`, first: ['Lucía', 'Javier', 'Carmen'], last: ['García', 'Fernández', 'López'] },
  { code: 'IT', forms: ['S.p.A.', 'S.r.l.', 'S.r.l.s.', 'S.n.c.', 'S.a.s.'], stems: ['Dolomiti', 'Fratelli Bianchi', 'Vesuvio', 'Arno'], trades: ['Impianti', 'Servizi', 'Costruzioni', 'Forniture'], cities: ['Torino', 'Bologna', 'Bari'], streets: ['Via Garibaldi', 'Corso Italia'], postcode: (r) => r.digits(5), vat: (r) => `IT${r.digits(7)}${String(r.int(1, 100)).padStart(3, '0')}${r.digits(1)}`, bban: (r) => `${up(r, 1)}${r.digits(22)}`, register: (r) => `REA ${up(r, 2)}-${r.digits(6)}`, first: ['Giulia', 'Marco', 'Francesca'], last: ['Rossi', 'Esposito', 'Ricci'] },
  { code: 'FR', forms: ['SAS', 'SARL', 'EURL', 'SA', 'SASU', 'SCI'], stems: ['Beaumont', 'Val de Loire', 'Lefèvre Frères', 'Côte d’Azur'], trades: ['Bâtiment', 'Conseil', 'Transports', 'Négoce'], cities: ['Lyon', 'Nantes', 'Lille'], streets: ['rue de la République', 'avenue Jean Jaurès'], postcode: (r) => r.digits(5), vat: (r) => `FR${r.digits(11)}`, bban: (r) => r.digits(23), register: (r) => `SIRET ${r.digits(3)} ${r.digits(3)} ${r.digits(3)} ${r.digits(5)}`, first: ['Camille', 'Julien', 'Élise'], last: ['Moreau', 'Girard', 'Lambert'] },
  { code: 'BE', forms: ['NV', 'BV', 'SA', 'SRL', 'CommV'], stems: ['Schelde', 'Ardennes', 'Van Damme', 'Brabant'], trades: ['Bouw', 'Techniek', 'Services'], cities: ['Gent', 'Liège', 'Antwerpen'], streets: ['Kouter', 'Rue Neuve'], postcode: (r) => String(r.int(1000, 9999)), vat: (r) => `BE0${r.digits(9)}`, bban: (r) => r.digits(12), register: (r) => `RPR ${r.digits(4)}.${r.digits(3)}.${r.digits(3)}`, first: ['Lotte', 'Wouter', 'Manon'], last: ['Peeters', 'Janssens', 'Dubois'] },
  { code: 'NL', forms: ['B.V.', 'BV', 'N.V.', 'VOF', 'C.V.'], stems: ['Van der Linden', 'Zeeland', 'De Vries', 'Waddenzee'], trades: ['Installatietechniek', 'Advies', 'Groothandel', 'Bouw'], cities: ['Utrecht', 'Groningen', 'Eindhoven'], streets: ['Oudegracht', 'Stationsweg'], postcode: (r) => `${r.int(1000, 9999)} ${up(r, 2)}`, vat: (r) => `NL${r.digits(9)}B${r.pick(['01', '02'])}`, bban: (r) => `${r.pick(['INGB', 'ABNA', 'RABO'])}${r.digits(10)}`, register: (r) => `KvK ${r.digits(8)}`, first: ['Sanne', 'Joost', 'Femke'], last: ['Bakker', 'Visser', 'Smit'] },
  { code: 'LU', forms: ['S.à r.l.', 'S.A.', 'SARL-S', 'SCS'], stems: ['Moselle', 'Kirchberg', 'Schmit', 'Ardennes Lux'], trades: ['Finance', 'Conseil', 'Immobilier'], cities: ['Luxembourg', 'Esch-sur-Alzette'], streets: ['boulevard Royal', 'rue du Fort'], postcode: (r) => `L-${r.digits(4)}`, vat: (r) => `LU${r.digits(8)}`, bban: (r) => `${r.digits(3)}${r.digits(13)}`, register: (r) => `RCS Luxembourg B${r.digits(6)}`, first: ['Claire', 'Luc', 'Anne'], last: ['Weber', 'Hoffmann', 'Muller'] },
  { code: 'DE', forms: ['GmbH', 'AG', 'KG', 'GmbH & Co. KG', 'UG (haftungsbeschränkt)', 'e.K.', 'OHG', 'SE', 'gGmbH'], stems: ['Rheintal', 'Hansen & Söhne', 'Schwarzwald', 'Elbufer'], trades: ['Haustechnik', 'Steuerberatung', 'Metallbau', 'Logistik'], cities: ['Kassel', 'Freiburg', 'Rostock'], streets: ['Bahnhofstraße', 'Lindenallee'], postcode: (r) => r.digits(5), vat: (r) => `DE${r.int(1, 9)}${r.digits(8)}`, bban: (r) => r.digits(18), register: (r) => `Amtsgericht Kassel HRB ${r.digits(5)}`, first: ['Katrin', 'Jürgen', 'Lena'], last: ['Schröder', 'Becker', 'Wagner'] },
  { code: 'AT', forms: ['GmbH', 'AG', 'KG', 'e.U.', 'OG'], stems: ['Donautal', 'Wachau', 'Gruber', 'Salzkammergut'], trades: ['Elektrotechnik', 'Tischlerei', 'Handel'], cities: ['Graz', 'Linz', 'Innsbruck'], streets: ['Mariahilfer Straße', 'Herrengasse'], postcode: (r) => r.digits(4), vat: (r) => `ATU${r.digits(8)}`, bban: (r) => r.digits(16), register: (r) => `FN ${r.digits(6)}${r.pick(['a', 'b', 'k'])}`, first: ['Theresa', 'Florian', 'Magdalena'], last: ['Huber', 'Pichler', 'Steiner'] },
  { code: 'CH', forms: ['AG', 'GmbH', 'SA', 'Sàrl'], stems: ['Alpstein', 'Limmat', 'Léman', 'Bernina'], trades: ['Treuhand', 'Engineering', 'Informatik'], cities: ['Luzern', 'Lausanne', 'St. Gallen'], streets: ['Seestrasse', 'Rue du Rhône'], postcode: (r) => String(r.int(1000, 9999)), vat: (r) => `CHE${r.digits(9)}`, bban: (r) => r.digits(17), register: (r) => `UID CHE-${r.digits(3)}.${r.digits(3)}.${r.digits(3)}`, first: ['Nadia', 'Reto', 'Corinne'], last: ['Meier', 'Keller', 'Brunner'] },
  { code: 'IE', forms: ['Ltd', 'Limited', 'DAC', 'CLG', 'PLC', 'UC'], stems: ['Shannon', 'Liffey', 'O’Brien', 'Wicklow'], trades: ['Engineering', 'Consulting', 'Supplies'], cities: ['Cork', 'Galway', 'Limerick'], streets: ['Patrick Street', 'Eyre Square'], postcode: (r) => `${up(r, 1)}${r.digits(2)} ${up(r, 1)}${r.digits(1)}${up(r, 2)}`, vat: (r) => `IE${r.digits(7)}${up(r, 1)}`, bban: (r) => `${up(r, 4)}${r.digits(14)}`, register: (r) => `CRO No. ${r.digits(6)}`, first: ['Siobhán', 'Ciarán', 'Aoife'], last: ['Murphy', 'Byrne', 'Kelly'] },
  { code: 'GB', forms: ['Ltd', 'Limited', 'LLP', 'PLC', 'plc', 'CIC'], stems: ['Thames', 'Pennine', 'Harrington & Cole', 'Cotswold'], trades: ['Engineering', 'Services', 'Solutions', 'Trading'], cities: ['Leeds', 'Bristol', 'Norwich'], streets: ['High Street', 'Station Road'], postcode: (r) => `${up(r, 2)}${r.int(1, 20)} ${r.digits(1)}${up(r, 2)}`, vat: (r) => `GB${r.digits(9)}`, bban: (r) => `${r.pick(['NWBK', 'BARC', 'LOYD'])}${r.digits(14)}`, register: (r) => `Company No. ${r.digits(8)}`, first: ['Olivia', 'Harry', 'Imogen'], last: ['Clarke', 'Hughes', 'Patel'] },
  { code: 'US', forms: ['Inc.', 'LLC', 'Corp.', 'L.P.', 'Co.'], stems: ['Blue Ridge', 'Lakeshore', 'Redwood', 'Hudson Valley'], trades: ['Systems', 'Analytics', 'Supply', 'Labs'], cities: ['Austin', 'Denver', 'Portland'], streets: ['Main Street', 'Market Street'], postcode: (r) => r.digits(5), vat: null, bban: null, register: (r) => `EIN ${r.digits(2)}-${r.digits(7)}`, first: ['Emily', 'Jacob', 'Hannah'], last: ['Johnson', 'Miller', 'Davis'] },
];

/** One drawn company or sole trader: the name as the truth has it and the parts it may be printed in. */
export interface DrawnParty {
  country: CountryProfile;
  name: string;
  /** A brand printed as a logo (the name without its legal form, or an acronym of it). */
  brand: string;
  /** Where a long name breaks when printed on two lines ([first line, second line]). */
  split: [string, string];
  soleTrader: boolean;
  legalForm: string | null;
  addressLines: string[];
  vatIdPrinted: string | null;
  ibanPrinted: string | null;
  registerLine: string;
}

function drawUntil(draw: () => string, valid: (value: string) => boolean): string | null {
  for (let attempt = 0; attempt < 20000; attempt += 1) {
    const value = draw();
    if (valid(value)) return value;
  }
  return null;
}

export function drawParty(random: SeededRandom, options: { country?: CountryProfile; soleTraderChance: number }): DrawnParty {
  const country = options.country ?? random.pick(COUNTRIES);
  const soleTrader = random.chance(options.soleTraderChance);
  let name: string;
  let brand: string;
  let split: [string, string];
  let legalForm: string | null = null;
  if (soleTrader) {
    const person = `${random.pick(country.first)} ${random.pick(country.last)}`;
    const trade = random.chance(0.5) ? random.pick(country.trades) : null;
    name = trade ? (random.chance(0.5) ? `${trade} ${person}` : `${person} ${trade}`) : person;
    brand = trade ?? person;
    split = trade ? (name.startsWith(trade) ? [trade, person] : [person, trade]) : [person.split(' ')[0], person.split(' ').slice(1).join(' ')];
  } else {
    legalForm = random.pick(country.forms);
    const stem = random.pick(country.stems);
    const trade = random.pick(country.trades);
    const core = random.chance(0.6) ? `${stem} ${trade}` : stem;
    // A few registers print the form first ("UAB Nemuno", "SIA Daugava", "AS Taara").
    const formFirst = ['LT', 'LV', 'EE'].includes(country.code) && random.chance(0.6);
    name = formFirst ? `${legalForm} ${core}` : `${core} ${legalForm}`;
    brand = random.chance(0.3) ? core.split(/\s+/).map((word) => word[0]).join('').toUpperCase() + (core.split(/\s+/).length === 1 ? core.slice(1, 3).toUpperCase() : '') : core;
    split = formFirst ? [legalForm, core] : [core, legalForm];
    if (!formFirst && core.includes(' ') && random.chance(0.5)) {
      const words = core.split(' ');
      split = [words.slice(0, -1).join(' '), `${words[words.length - 1]} ${legalForm}`];
    }
  }
  const addressLines = [`${random.pick(country.streets)} ${random.int(1, 180)}`, `${country.postcode(random)} ${random.pick(country.cities)}`];
  const vat = country.vat && random.chance(0.8) ? drawUntil(() => country.vat!(random), isValidVatId) : null;
  const iban = country.bban && random.chance(0.75)
    ? drawUntil(
        () => composeIBAN({ countryCode: country.code, bban: country.bban!(random) }) ?? '',
        (value) => value !== '' && isValidIBAN(value),
      )
    : null;
  return { country, name, brand, split, soleTrader, legalForm, addressLines, vatIdPrinted: vat, ibanPrinted: iban, registerLine: country.register(random) };
}
