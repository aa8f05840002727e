### Tijara — WhatsApp (Twilio) : ce que seul ce canal ajoute aux messages.
### Sans boutons, les choix sont numérotés ; le patron répond par le numéro ou par le mot.

# Sous une liste de choix, quand la question attend un choix.
whatsapp_choose_by_number = Répondez par le numéro ou par le mot.
# Avant une liste de raccourcis, quand la question attend une réponse écrite ou une photo.
whatsapp_or_choose_by_number = Ou répondez par un numéro :
