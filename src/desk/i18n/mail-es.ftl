# El correo del servicio en español. A una persona conocida (titular,
# contacto, agente) se le escribe solo en su idioma; a un desconocido, en
# los dos (español primero). Cada mensaje tiene su gemelo con los mismos
# argumentos en mail-en.ftl (una prueba lo comprueba).

mail-opened =
    Hola { $name }:

    Recibimos su ticket #{ $number } en { $category }.
    Asunto: { $subject }

    Para agregar información, responda a este correo conservando { $tag } en el asunto,
    o use: ecolo ticket reply { $number }
mail-answered = { $author } (soporte) respondió a su ticket #{ $number }:
mail-answered-files = Archivos adjuntos (ecolo ticket download { $number }):
mail-answer-footer = Responda a este correo para contestar (conserve { $tag } en el asunto).
mail-closed-by = fue cerrado por { $name }
mail-closed-auto = se cerró automáticamente tras { $n } { $unit ->
        [day] día
        [days] días
        [hour] hora
        [hours] horas
       *[seconds] segundos
    } sin respuesta
mail-closed =
    Su ticket #{ $number } ({ $subject }) { $why }.
    Si el asunto no quedó resuelto, reábralo con: ecolo ticket reopen { $number }
    o responda a este correo conservando { $tag } en el asunto.
mail-agent-new = Ticket nuevo #{ $number } en { $category }
mail-agent-reply = Respuesta del cliente en el ticket #{ $number } ({ $category })
mail-agent-head =
    { $what }
    Cuenta: { $account }
    De: { $author }
    Asunto: { $subject }
mail-agent-footer =
    Responda a este correo para contestar al cliente (conserve { $tag } en el asunto).
    Empiece su respuesta con una línea `#note` para escribir una nota interna.
    O: ecolo ticket view { $number }
mail-held =
    Recibimos un correo en su nombre que no pudimos verificar, así que aún no lo registramos.
    Si usted lo envió, responda a este mensaje (sin cambiar la dirección de respuesta) y lo registraremos tal como llegó. Si no, ignore este aviso: se borra en { $days } días.
mail-held-subject-line = Asunto: { $subject }
mail-held-subject = Confirme su mensaje: { $subject }
mail-automatic = Este es un mensaje automático.
mail-not-recorded = Mensaje no registrado
mail-refused-sender =
    Su dirección no corresponde al titular de una cuenta ni a un contacto autorizado para esta categoría, así que no abrimos un ticket.
    Escriba desde la dirección registrada a la dirección de una categoría que pueda usar (ecolo category list), o pida acceso al titular de la cuenta.
mail-refused-several =
    Su dirección es contacto autorizado de varias cuentas en la categoría { $category }, así que no sabemos a cuál corresponde y no abrimos un ticket.
    Ábralo con `ecolo ticket open` usando un token de la cuenta que corresponda (pídalo a su titular).
mail-refused-no-intake =
    Este correo no llegó a ninguna dirección de categoría, así que no abrimos un ticket.
    Escriba a la dirección de la categoría que corresponda:
mail-refused-not-found =
    No encontramos el ticket #{ $number } para su dirección, así que su mensaje no se agregó.
    Para abrir un ticket nuevo, escriba sin { $tag } en el asunto.
mail-refused-closed =
    El ticket #{ $number } está cerrado, así que su mensaje no se agregó.
    Reábralo con `ecolo ticket reopen { $number }` y responda de nuevo, o abra un ticket nuevo escribiendo sin { $tag } en el asunto.
mail-refused-rejected = No pudimos registrar su mensaje: { $detail }
mail-rejected-attachments = trae { $n } archivos adjuntos y el límite es { $max } por mensaje: envíelos en varios correos.
mail-rejected-file = el archivo { $file } pesa { $size } bytes y el límite es { $max } bytes.
