import type { Language } from './labels';

/** How a locale writes numbers: 1.234,56 / 1,234.56 / 1 234,56 / 1'234.56 / 1234.56 / 1234,56. */
export type NumberStyle = 'dot-comma' | 'comma-dot' | 'space-comma' | 'apostrophe-dot' | 'plain-dot' | 'plain-comma';
export type DateStyle = 'numeric' | 'numeric-short-year' | 'long' | 'abbreviated' | 'iso';

export interface LocaleProfile {
  id: string;
  language: Language;
  /** ISO 3166 country of the seller (IBAN and VAT id prefix). */
  country: string;
  currencies: string[];
  numberStyles: NumberStyle[];
  /** Numeric dates: day-month-year or month-day-year, and the separator. */
  dateOrder: 'dmy' | 'mdy';
  dateSeparator: string;
  dateStyles: DateStyle[];
  taxRates: string[];
  cities: string[];
  streets: string[];
  /** Seller name parts: family or place names, trades and legal forms. */
  nameStems: string[];
  trades: string[];
  legalForms: string[];
  items: { name: string; price: [number, number]; unit?: 'hours' | 'kg' }[];
}

const digits = (count: number, random: () => number): string => Array.from({ length: count }, () => String(Math.floor(random() * 10))).join('');
type Postcode = (random: () => number) => string;
const german: Postcode = (random) => `${1 + Math.floor(random() * 9)}${digits(4, random)}`;

/** Postcodes are filled by the generator with its seeded random source. */
export function postcodeFor(country: string, random: () => number): string {
  switch (country) {
    case 'DE':
    case 'FR':
    case 'ES':
    case 'IT':
      return country === 'DE' ? german(random) : `${Math.floor(random() * 9)}${digits(4, random)}`;
    case 'NL':
      return `${1 + Math.floor(random() * 9)}${digits(3, random)} ${String.fromCharCode(65 + Math.floor(random() * 26))}${String.fromCharCode(65 + Math.floor(random() * 26))}`;
    case 'PL':
      return `${digits(2, random)}-${digits(3, random)}`;
    case 'CH':
    case 'AT':
      return `${1 + Math.floor(random() * 9)}${digits(3, random)}`;
    case 'GB':
      return `${String.fromCharCode(65 + Math.floor(random() * 26))}${String.fromCharCode(65 + Math.floor(random() * 26))}${1 + Math.floor(random() * 9)} ${Math.floor(random() * 9)}${String.fromCharCode(65 + Math.floor(random() * 26))}${String.fromCharCode(65 + Math.floor(random() * 26))}`;
    case 'SE':
      return `${1 + Math.floor(random() * 9)}${digits(2, random)} ${digits(2, random)}`;
    default:
      return digits(5, random);
  }
}

const EN_ITEMS: LocaleProfile['items'] = [
  { name: 'Consulting services', price: [85, 180], unit: 'hours' },
  { name: 'A4 copy paper 80 g/m², box of 5 reams', price: [18, 32] },
  { name: 'USB-C docking station', price: [95, 240] },
  { name: 'Monthly software subscription', price: [29, 499] },
  { name: 'Delivery charge', price: [8, 45] },
  { name: 'Toner cartridge black, high yield', price: [45, 130] },
  { name: 'Ergonomic office chair', price: [180, 650] },
  { name: 'Network cable Cat6, 5 m', price: [4, 12] },
  { name: 'On-site support', price: [70, 140], unit: 'hours' },
  { name: 'Annual maintenance contract', price: [400, 2400] },
  { name: 'Printed brochures A5, 500 pcs', price: [120, 380] },
  { name: 'Cleaning of office premises', price: [150, 900] },
];
const DE_ITEMS: LocaleProfile['items'] = [
  { name: 'Beratungsleistung', price: [90, 170], unit: 'hours' },
  { name: 'Kopierpapier A4, 80 g/m², 500 Blatt', price: [4, 9] },
  { name: 'Montage vor Ort', price: [65, 120], unit: 'hours' },
  { name: 'Wartungsvertrag jährlich', price: [300, 2200] },
  { name: 'Versandkosten', price: [5, 40] },
  { name: 'Tonerkartusche schwarz', price: [40, 120] },
  { name: 'Schreibtisch höhenverstellbar', price: [350, 900] },
  { name: 'Softwarelizenz (12 Monate)', price: [120, 1500] },
  { name: 'Edelstahlschrauben M8 x 40, 100 Stück', price: [9, 25] },
  { name: 'Heizungsinspektion', price: [120, 320] },
  { name: 'Druck Visitenkarten, 250 Stück', price: [25, 80] },
  { name: 'Kabelkanal weiß, 2 m', price: [6, 18] },
];
const FR_ITEMS: LocaleProfile['items'] = [
  { name: 'Prestation de conseil', price: [90, 160], unit: 'hours' },
  { name: 'Ramette papier A4 80 g', price: [4, 9] },
  { name: 'Intervention technicien sur site', price: [60, 110], unit: 'hours' },
  { name: 'Contrat de maintenance annuel', price: [300, 2000] },
  { name: 'Frais de port', price: [6, 35] },
  { name: 'Cartouche d’encre noire', price: [25, 90] },
  { name: 'Fauteuil de bureau ergonomique', price: [190, 700] },
  { name: 'Abonnement logiciel mensuel', price: [25, 450] },
  { name: 'Impression de flyers A5 (1000 ex.)', price: [80, 260] },
  { name: 'Nettoyage des locaux', price: [140, 800] },
  { name: 'Câble réseau RJ45 3 m', price: [3, 10] },
];
const NL_ITEMS: LocaleProfile['items'] = [
  { name: 'Advieswerkzaamheden', price: [85, 150], unit: 'hours' },
  { name: 'Kopieerpapier A4 80 grams, doos', price: [18, 30] },
  { name: 'Installatie op locatie', price: [55, 110], unit: 'hours' },
  { name: 'Onderhoudscontract per jaar', price: [300, 1800] },
  { name: 'Verzendkosten', price: [5, 30] },
  { name: 'Inktcartridge zwart', price: [20, 85] },
  { name: 'Bureaustoel ergonomisch', price: [200, 650] },
  { name: 'Softwareabonnement per maand', price: [25, 400] },
  { name: 'Drukwerk folders A4', price: [90, 300] },
  { name: 'Schoonmaak kantoorruimte', price: [150, 700] },
];
const ES_ITEMS: LocaleProfile['items'] = [
  { name: 'Servicios de consultoría', price: [70, 140], unit: 'hours' },
  { name: 'Papel A4 80 g, caja de 5 paquetes', price: [15, 28] },
  { name: 'Instalación in situ', price: [45, 95], unit: 'hours' },
  { name: 'Contrato de mantenimiento anual', price: [250, 1600] },
  { name: 'Gastos de envío', price: [5, 30] },
  { name: 'Cartucho de tóner negro', price: [35, 110] },
  { name: 'Silla de oficina ergonómica', price: [150, 550] },
  { name: 'Suscripción de software mensual', price: [20, 380] },
  { name: 'Impresión de folletos', price: [70, 250] },
  { name: 'Limpieza de oficinas', price: [120, 650] },
];
const IT_ITEMS: LocaleProfile['items'] = [
  { name: 'Consulenza tecnica', price: [70, 150], unit: 'hours' },
  { name: 'Carta per fotocopie A4 80 g', price: [4, 8] },
  { name: 'Intervento tecnico presso cliente', price: [50, 100], unit: 'hours' },
  { name: 'Canone di manutenzione annuale', price: [250, 1800] },
  { name: 'Spese di trasporto', price: [6, 35] },
  { name: 'Cartuccia toner nero', price: [35, 110] },
  { name: 'Sedia da ufficio ergonomica', price: [160, 600] },
  { name: 'Abbonamento software mensile', price: [20, 400] },
  { name: 'Stampa volantini A5', price: [60, 240] },
  { name: 'Pulizia uffici', price: [120, 700] },
];
const PL_ITEMS: LocaleProfile['items'] = [
  { name: 'Usługa doradcza', price: [150, 400], unit: 'hours' },
  { name: 'Papier ksero A4 80 g, ryza', price: [15, 30] },
  { name: 'Montaż u klienta', price: [90, 220], unit: 'hours' },
  { name: 'Umowa serwisowa roczna', price: [1200, 8000] },
  { name: 'Koszty transportu', price: [20, 150] },
  { name: 'Toner czarny', price: [120, 450] },
  { name: 'Krzesło biurowe ergonomiczne', price: [600, 2400] },
  { name: 'Abonament oprogramowania', price: [90, 1500] },
  { name: 'Druk ulotek A5', price: [250, 900] },
  { name: 'Sprzątanie biura', price: [500, 2500] },
  { name: 'Węgiel drzewny 10 kg', price: [25, 60], unit: 'kg' },
];

export const LOCALES: LocaleProfile[] = [
  {
    id: 'en-GB', language: 'en', country: 'GB', currencies: ['GBP', 'GBP', 'EUR'], numberStyles: ['comma-dot', 'plain-dot'], dateOrder: 'dmy', dateSeparator: '/',
    dateStyles: ['numeric', 'long', 'abbreviated', 'numeric'], taxRates: ['20', '20', '5'],
    cities: ['London', 'Manchester', 'Leeds', 'Bristol', 'Glasgow'], streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Mill Lane'],
    nameStems: ['Harrington', 'Whitfield', 'Blackwood', 'Ashford', 'Northgate', 'Riverside', 'Pinewood', 'Kestrel'], trades: ['Supplies', 'Consulting', 'Logistics', 'Engineering', 'Print', 'Software', 'Facilities', 'Catering'],
    legalForms: ['Ltd', 'Limited', 'Ltd.', 'PLC', 'LLP'], items: EN_ITEMS,
  },
  {
    id: 'en-US', language: 'en', country: 'US', currencies: ['USD'], numberStyles: ['comma-dot'], dateOrder: 'mdy', dateSeparator: '/',
    dateStyles: ['numeric', 'long', 'abbreviated', 'iso'], taxRates: ['0', '6', '7.25', '8.875'],
    cities: ['Austin, TX', 'Denver, CO', 'Portland, OR', 'Columbus, OH', 'Raleigh, NC'], streets: ['Main Street', 'Oak Avenue', 'Maple Drive', 'Market Street', 'Pine Street'],
    nameStems: ['Summit', 'Lakeside', 'Redwood', 'Liberty', 'Granite', 'Bluewater', 'Prairie'], trades: ['Supply', 'Solutions', 'Logistics', 'Consulting', 'Technologies', 'Office Products'],
    legalForms: ['Inc.', 'LLC', 'Corp.', 'Incorporated', 'Inc'], items: EN_ITEMS,
  },
  {
    id: 'en-SE', language: 'en', country: 'SE', currencies: ['SEK'], numberStyles: ['space-comma', 'comma-dot'], dateOrder: 'dmy', dateSeparator: '-',
    dateStyles: ['iso', 'iso', 'long'], taxRates: ['25', '12'],
    cities: ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala'], streets: ['Storgatan', 'Kungsgatan', 'Drottninggatan'],
    nameStems: ['Lindqvist', 'Nordström', 'Ekberg', 'Fjällbacka'], trades: ['Konsult', 'Teknik', 'Logistik', 'Data'],
    legalForms: ['AB'], items: EN_ITEMS,
  },
  {
    id: 'de-DE', language: 'de', country: 'DE', currencies: ['EUR'], numberStyles: ['dot-comma', 'dot-comma', 'plain-comma'], dateOrder: 'dmy', dateSeparator: '.',
    dateStyles: ['numeric', 'numeric', 'long', 'numeric-short-year', 'iso'], taxRates: ['19', '19', '7'],
    cities: ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt am Main', 'Stuttgart', 'Leipzig'], streets: ['Hauptstraße', 'Bahnhofstraße', 'Industriestraße', 'Gartenweg', 'Lindenallee'],
    nameStems: ['Müller', 'Schneider', 'Becker', 'Hoffmann', 'Weber', 'Nordlicht', 'Rhein', 'Hansa'], trades: ['Elektrotechnik', 'Logistik', 'Bürobedarf', 'Software', 'Maschinenbau', 'Druckerei', 'Haustechnik', 'Metallbau'],
    legalForms: ['GmbH', 'GmbH & Co. KG', 'AG', 'e.K.', 'KG'], items: DE_ITEMS,
  },
  {
    id: 'de-CH', language: 'de', country: 'CH', currencies: ['CHF'], numberStyles: ['apostrophe-dot'], dateOrder: 'dmy', dateSeparator: '.',
    dateStyles: ['numeric', 'long'], taxRates: ['8.1', '2.6'],
    cities: ['Zürich', 'Basel', 'Bern', 'Luzern', 'St. Gallen'], streets: ['Bahnhofstrasse', 'Seestrasse', 'Dorfstrasse'],
    nameStems: ['Keller', 'Brunner', 'Gerber', 'Alpina', 'Helvetia'], trades: ['Treuhand', 'Informatik', 'Haustechnik', 'Transporte'],
    legalForms: ['AG', 'GmbH'], items: DE_ITEMS,
  },
  {
    id: 'de-AT', language: 'de', country: 'AT', currencies: ['EUR'], numberStyles: ['dot-comma', 'space-comma'], dateOrder: 'dmy', dateSeparator: '.',
    dateStyles: ['numeric', 'long'], taxRates: ['20', '10'],
    cities: ['Wien', 'Graz', 'Linz', 'Salzburg', 'Innsbruck'], streets: ['Hauptplatz', 'Mariahilfer Straße', 'Landstraße'],
    nameStems: ['Gruber', 'Huber', 'Wagner', 'Donau', 'Tirol'], trades: ['Installationen', 'Bürotechnik', 'Spedition', 'Consulting'],
    legalForms: ['GmbH', 'AG', 'OG'], items: DE_ITEMS,
  },
  {
    id: 'fr-FR', language: 'fr', country: 'FR', currencies: ['EUR'], numberStyles: ['space-comma', 'space-comma', 'dot-comma'], dateOrder: 'dmy', dateSeparator: '/',
    dateStyles: ['numeric', 'long', 'numeric'], taxRates: ['20', '20', '10', '5.5'],
    cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Lille', 'Bordeaux'], streets: ['rue de la République', 'avenue Jean Jaurès', 'boulevard Victor Hugo', 'rue des Lilas'],
    nameStems: ['Dupont', 'Lefèvre', 'Moreau', 'Garnier', 'Bretagne', 'Atlantique', 'Provence'], trades: ['Fournitures', 'Informatique', 'Transports', 'Imprimerie', 'Conseil', 'Bâtiment'],
    legalForms: ['SARL', 'SAS', 'S.A.', 'EURL', 'SA'], items: FR_ITEMS,
  },
  {
    id: 'fr-CH', language: 'fr', country: 'CH', currencies: ['CHF'], numberStyles: ['apostrophe-dot', 'space-comma'], dateOrder: 'dmy', dateSeparator: '.',
    dateStyles: ['numeric', 'long'], taxRates: ['8.1'],
    cities: ['Genève', 'Lausanne', 'Neuchâtel', 'Fribourg'], streets: ['rue du Rhône', 'avenue de la Gare', 'chemin des Vignes'],
    nameStems: ['Favre', 'Rochat', 'Léman', 'Jura'], trades: ['Fiduciaire', 'Informatique', 'Transports'],
    legalForms: ['SA', 'Sàrl'], items: FR_ITEMS,
  },
  {
    id: 'nl-NL', language: 'nl', country: 'NL', currencies: ['EUR'], numberStyles: ['dot-comma', 'dot-comma', 'plain-comma'], dateOrder: 'dmy', dateSeparator: '-',
    dateStyles: ['numeric', 'long', 'numeric', 'iso'], taxRates: ['21', '21', '9'],
    cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven', 'Groningen', "'s-Hertogenbosch"], streets: ['Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Molenweg'],
    nameStems: ['Van Dijk', 'De Vries', 'Jansen', 'Bakker', 'Visser', 'Hollandia', 'Polder'], trades: ['Installatietechniek', 'Kantoorartikelen', 'Transport', 'ICT', 'Drukwerk', 'Bouw'],
    legalForms: ['B.V.', 'BV', 'N.V.', 'V.O.F.'], items: NL_ITEMS,
  },
  {
    id: 'nl-BE', language: 'nl', country: 'BE', currencies: ['EUR'], numberStyles: ['dot-comma', 'space-comma'], dateOrder: 'dmy', dateSeparator: '/',
    dateStyles: ['numeric', 'long'], taxRates: ['21', '6'],
    cities: ['Antwerpen', 'Gent', 'Brugge', 'Leuven'], streets: ['Kerkstraat', 'Stationsstraat', 'Meir'],
    nameStems: ['Peeters', 'Janssens', 'Maes', 'Schelde'], trades: ['Bouw', 'Logistiek', 'Informatica'],
    legalForms: ['BV', 'NV', 'CommV'], items: NL_ITEMS,
  },
  {
    id: 'es-ES', language: 'es', country: 'ES', currencies: ['EUR'], numberStyles: ['dot-comma', 'dot-comma', 'plain-comma'], dateOrder: 'dmy', dateSeparator: '/',
    dateStyles: ['numeric', 'long', 'numeric'], taxRates: ['21', '21', '10'],
    cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao', 'Zaragoza'], streets: ['Calle Mayor', 'Avenida de la Constitución', 'Calle del Sol', 'Paseo de Gracia'],
    nameStems: ['García', 'Martínez', 'López', 'Iberia', 'Levante', 'Cantábrico'], trades: ['Suministros', 'Informática', 'Transportes', 'Construcciones', 'Distribuciones', 'Asesores'],
    legalForms: ['S.L.', 'S.A.', 'SL', 'S.L.U.'], items: ES_ITEMS,
  },
  {
    id: 'it-IT', language: 'it', country: 'IT', currencies: ['EUR'], numberStyles: ['dot-comma', 'dot-comma', 'plain-comma'], dateOrder: 'dmy', dateSeparator: '/',
    dateStyles: ['numeric', 'long', 'numeric', 'numeric-short-year'], taxRates: ['22', '22', '10', '4'],
    cities: ['Milano', 'Roma', 'Torino', 'Bologna', 'Napoli', 'Firenze'], streets: ['Via Roma', 'Corso Italia', 'Via Garibaldi', 'Piazza Duomo'],
    nameStems: ['Rossi', 'Bianchi', 'Romano', 'Colombo', 'Adriatica', 'Lombarda'], trades: ['Forniture', 'Informatica', 'Trasporti', 'Costruzioni', 'Servizi', 'Meccanica'],
    legalForms: ['S.r.l.', 'S.p.A.', 'Srl', 'S.a.s.'], items: IT_ITEMS,
  },
  {
    id: 'pl-PL', language: 'pl', country: 'PL', currencies: ['PLN', 'PLN', 'EUR'], numberStyles: ['space-comma', 'space-comma', 'plain-comma', 'dot-comma'], dateOrder: 'dmy', dateSeparator: '.',
    dateStyles: ['numeric', 'iso', 'long', 'numeric'], taxRates: ['23', '23', '8', '5'],
    cities: ['Warszawa', 'Kraków', 'Wrocław', 'Poznań', 'Gdańsk', 'Łódź'], streets: ['ul. Marszałkowska', 'ul. Długa', 'ul. Kwiatowa', 'al. Jerozolimskie'],
    nameStems: ['Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik', 'Mazowsze', 'Wisła', 'Bałtyk'], trades: ['Usługi', 'Transport', 'Budownictwo', 'Informatyka', 'Handel', 'Serwis'],
    legalForms: ['Sp. z o.o.', 'sp. z o.o.', 'S.A.', 'Spółka Akcyjna'], items: PL_ITEMS,
  },
];
