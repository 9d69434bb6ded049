// French translations of the sample's names and texts (name_i18n, title_i18n, description_i18n;
// docs/EXHIBITION_FORMAT.md): the host pavilion, both halls and their rooms, a few exhibitors
// and sessions. Adds keys to the JSON being built by id; draws and writes nothing.
#include "tools/gen-sample/SampleBuilder.h"

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace fg::sample {
namespace {

using Json = nlohmann::ordered_json;

struct French {
    const char* name;        // name_i18n.fr or title_i18n.fr; nullptr: keep the file's name
    const char* description; // description_i18n.fr; nullptr: none
};

const std::map<std::string, French>& frenchById() {
    static const std::map<std::string, French> table = {
        {"hall-1", {"Hall 1 - Nations", nullptr}},
        {"hall-2", {"Hall 2 - Innovation et PME", nullptr}},
        {"h1-roundtable-room", {"Salle de la table ronde ministérielle", nullptr}},
        {"h1-forum-stage", {"Scène du Forum", nullptr}},
        {"h1-masterclass-room", {"Salle des classes de maître", nullptr}},
        {"h2-roundtable-room", {"Salle de table ronde B", nullptr}},
        {"h2-innovation-stage", {"Scène de l'innovation", nullptr}},
        {"h2-masterclass-studio", {"Studio des classes de maître PME", nullptr}},
        {"pavilion-vn", {"Viet Nam - Pavillon du pays hôte", nullptr}},
        {"pavilion-kr", {"Pavillon de la République de Corée", nullptr}},
        {"pavilion-jp", {"Pavillon du Japon", nullptr}},
        {"lotus-bay-telecom",
         {nullptr, "La 5G dans chaque province. Accès radio, coeur de réseau et terminaux pour "
                   "la prochaine génération de réseaux mobiles. Lotus Bay Telecom est une "
                   "entreprise fictive du Viet Nam, inventée pour l'exposition d'exemple de "
                   "Fairground."}},
        {"red-river-robotics",
         {nullptr, "Des robots qui construisent avec vous. Des robots qui travaillent en toute "
                   "sécurité aux côtés des personnes, dans les usines et les lieux publics. Red "
                   "River Robotics est une entreprise fictive du Viet Nam, inventée pour "
                   "l'exposition d'exemple de Fairground."}},
        {"mekong-wallet",
         {nullptr, "Payez qui vous voulez, où vous voulez, en quelques secondes. Des paiements et "
                   "des services financiers pour toute personne munie d'un téléphone. Mekong "
                   "Wallet est une entreprise fictive du Viet Nam, inventée pour l'exposition "
                   "d'exemple de Fairground."}},
        {"truong-son-secure",
         {nullptr, "Nous gardons les frontières numériques du Viet Nam. Protection, détection et "
                   "réponse pour les réseaux, les nuages informatiques et les personnes. Truong "
                   "Son Secure est une entreprise fictive du Viet Nam, inventée pour "
                   "l'exposition d'exemple de Fairground."}},
        {"forum-opening",
         {"Ouverture du Forum Digital World 2021",
          "Bienvenue au forum : les thèmes de l'année, les halls d'exposition et comment "
          "participer en ligne."}},
        {"forum-unconnected",
         {"Connecter les non-connectés : financer le haut débit rural",
          "Qui paie le dernier kilomètre ? Financement mixte, pylônes partagés et réseaux "
          "communautaires."}},
        {"forum-spectrum",
         {"Le spectre pour la 5G et au-delà",
          "Bande moyenne, ondes millimétriques et partage : comment régulateurs et opérateurs "
          "peuvent planifier la prochaine décennie."}},
        {"forum-trust",
         {"La confiance dès la conception : la cybersécurité pour les petites entreprises",
          "Une sécurité pratique et abordable pour les PME : ce qu'il faut faire en premier et "
          "ce qu'il faut acheter en dernier."}},
        {"forum-ai-public",
         {"L'IA dans les services publics : utile, équitable et explicable",
          "Études de cas de l'IA dans la santé, la fiscalité et les transports, et les garanties "
          "qui les ont fait fonctionner."}},
    };
    return table;
}

void translate(Json& item, const char* nameKey) {
    const auto it = frenchById().find(item.value("id", std::string()));
    if (it == frenchById().end()) return;
    if (it->second.name) item[nameKey] = {{"fr", it->second.name}};
    if (it->second.description) item["description_i18n"] = {{"fr", it->second.description}};
}

} // namespace

void addFrenchTranslations(nlohmann::ordered_json& doc) {
    for (Json& hall : doc["halls"]) {
        translate(hall, "name_i18n");
        for (Json& venue : hall["venues"])
            translate(venue, "name_i18n");
    }
    for (Json& pavilion : doc["pavilions"])
        translate(pavilion, "name_i18n");
    for (Json& exhibitor : doc["exhibitors"])
        translate(exhibitor, "name_i18n");
    for (Json& session : doc["sessions"])
        translate(session, "title_i18n");
}

} // namespace fg::sample
