/// First and last names for the demo staff: Finnish, Finland-Swedish and a few international ones,
/// roughly as common as they are among Finnish municipal staff of working age.
enum DemoNames {
    static let finnishWomen = [
        "Aino", "Anna", "Anne", "Anni", "Anu", "Eeva", "Elina", "Emilia", "Emma", "Erja", "Hanna", "Heidi",
        "Heli", "Helena", "Henna", "Iida", "Jaana", "Janna", "Jenni", "Johanna", "Julia", "Katja", "Kaisa",
        "Kirsi", "Kristiina", "Laura", "Leena", "Liisa", "Maarit", "Maija", "Marja", "Marjo", "Merja", "Minna",
        "Mirja", "Noora", "Outi", "Paula", "Pauliina", "Piia", "Pirjo", "Riikka", "Riitta", "Sanna", "Sari",
        "Satu", "Seija", "Siiri", "Sini", "Suvi", "Taina", "Tanja", "Terhi", "Tiina", "Tuija", "Tuula", "Ulla",
        "Venla", "Virpi", "Anna-Liisa", "Eeva-Maria", "Marja-Leena", "Aila", "Kaija", "Oona", "Inka",
    ]

    static let finnishMen = [
        "Aki", "Antti", "Ari", "Eero", "Esa", "Harri", "Heikki", "Ilkka", "Jani", "Jari", "Jarmo", "Jukka",
        "Juha", "Juho", "Jussi", "Kalle", "Kari", "Lauri", "Markku", "Marko", "Matti", "Mikko", "Olli",
        "Pasi", "Pekka", "Petri", "Petteri", "Reijo", "Sami", "Seppo", "Simo", "Teemu", "Timo", "Tomi",
        "Tuomas", "Vesa", "Ville", "Aleksi", "Eino", "Joni", "Juuso", "Kimmo", "Lasse", "Mika", "Niko",
        "Oskari", "Rasmus", "Risto", "Toni", "Veli-Matti", "Jukka-Pekka",
    ]

    static let finnishLastNames = [
        "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
        "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen",
        "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila",
        "Savolainen", "Lahtinen", "Ahonen", "Hirvonen", "Kallio", "Leinonen", "Räsänen", "Laaksonen",
        "Miettinen", "Kettunen", "Pitkänen", "Hiltunen", "Lindholm", "Aaltonen", "Manninen", "Honkanen",
        "Pelkonen", "Mustonen", "Väisänen", "Anttila", "Ojala", "Hakala", "Peltonen", "Koivisto", "Vainio",
        "Rissanen", "Leppänen", "Kärkkäinen", "Huttunen", "Seppälä", "Moilanen", "Kemppainen", "Hyvönen",
        "Toivonen", "Öhman", "Kokkonen", "Rautio", "Nurmi", "Sirviö", "Valtonen", "Määttä", "Eskola",
        "Partanen", "Ketola", "Jääskeläinen", "Kurki", "Halonen", "Vartiainen", "Ruotsalainen", "Oksanen",
        "Pesonen", "Huhtala", "Tikkanen", "Korpela", "Kiiskinen", "Harju", "Lampinen", "Niskanen",
    ]

    static let swedishWomen = [
        "Anna", "Annika", "Birgitta", "Camilla", "Charlotta", "Ebba", "Elin", "Ellen", "Emma", "Frida",
        "Hanna", "Ida", "Ingrid", "Johanna", "Julia", "Karin", "Kristina", "Lena", "Linnea", "Lotta", "Maria",
        "Matilda", "Mia", "Pia", "Sara", "Sofia", "Susanne", "Therese", "Ulrika", "Vera", "Wilma", "Åsa",
        "Astrid", "Gunilla", "Jessica", "Malin", "Nina", "Petra",
    ]

    static let swedishMen = [
        "Anders", "Axel", "Björn", "Carl", "Christer", "Daniel", "Erik", "Fredrik", "Gustav", "Henrik",
        "Jan", "Joakim", "Johan", "Jonas", "Kaj", "Kim", "Lars", "Magnus", "Mats", "Mikael", "Niklas",
        "Oskar", "Patrik", "Peter", "Robert", "Sebastian", "Stefan", "Tom", "Tomas", "Ulf", "Viktor", "Göran",
    ]

    static let swedishLastNames = [
        "Andersson", "Backman", "Berg", "Björklund", "Blomqvist", "Bäck", "Ekholm", "Ekström", "Engström",
        "Forsman", "Grönroos", "Gustafsson", "Holmberg", "Holmström", "Håkans", "Isaksson", "Johansson",
        "Karlsson", "Lindberg", "Lindqvist", "Lindström", "Lund", "Lundqvist", "Mattsson", "Nordström",
        "Nyberg", "Nylund", "Nyström", "Öst", "Östman", "Sandberg", "Sjöberg", "Sjöholm", "Strand",
        "Strömberg", "Sundström", "Wikström", "Åberg", "Åkerman", "Westerlund", "Söderström", "Granholm",
        "Hägg", "Ahlberg", "Fagerström", "Rosenqvist", "Wahlroos", "Björkqvist",
    ]

    /// A few colleagues who moved to Finland; their working language in the demo is English.
    static let internationalFirstNames = [
        "Ahmed", "Maria", "Olga", "David", "Fatima", "Hassan", "Ana", "Sergei", "Mei", "Jonathan", "Amina",
        "Elena", "Mohammed", "Priya", "Tomás", "Irina",
    ]

    static let internationalLastNames = [
        "Hassan", "García", "Ivanova", "Smith", "Ali", "Nguyen", "Kowalski", "Petrov", "Rodríguez", "Chen",
        "Mohamed", "Silva", "Novak", "Müller", "Kumar", "Okafor",
    ]
}
